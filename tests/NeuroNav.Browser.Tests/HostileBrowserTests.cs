using Microsoft.Playwright;
using NeuroNav.Build;
using NeuroNav.Build.Html;
using NeuroNav.Build.Tests.Hostile;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Hosting;
using NeuroNav.TestKit;
using Xunit.Abstractions;

namespace NeuroNav.Browser.Tests.Hostile;

/// <summary>
/// A site built, through a real Parquet corpus, from hostile strings (Neuroscope, GPT-4 and Neuron2Graph data), loaded page by page in headless Chromium:
/// no dialog opens, no console error is logged, no request leaves 127.0.0.1, and the strings read as text.
/// </summary>
public sealed class HostileBrowserTests(ITestOutputHelper log)
{
    private static readonly string[] Hostile = [.. HostileStrings.All];

    [ChromiumFact]
    public async Task Every_page_of_a_hostile_site_loads_inert_in_Chromium()
    {
        using var dir = new TempDirectory("neuronav-hostile-browser");
        var output = await BuildAsync(dir);
        await using var server = await StaticSiteServer.StartAsync(output, 0, CancellationToken.None);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        var errors = new List<string>();
        var foreign = new List<string>();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        page.PageError += (_, e) => errors.Add(e);
        page.Request += (_, r) =>
        {
            if (new Uri(r.Url).Host != server.BaseAddress.Host)
            {
                foreign.Add(r.Url);
            }
        };

        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        foreach (var path in pages)
        {
            await PageReady.GotoAsync(page, new Uri(server.BaseAddress, path).AbsoluteUri);
        }

        // The neuron page: the truncated heatmaps, then the full texts rendered by neuron.js from the JSON.
        await PageReady.GotoAsync(page, new Uri(server.BaseAddress, "gpt2-small/3/0.html").AbsoluteUri);
        var shown = string.Concat(await page.Locator("div.hm").AllInnerTextsAsync());
        foreach (var button in await page.Locator("button.full").AllAsync())
        {
            await button.ClickAsync();
        }

        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('button.full')].every(b => !b.disabled && b.textContent === 'Hide full text')");
        var full = string.Concat(await page.Locator("div.full-text").AllInnerTextsAsync());
        // The GPT-4 section as read, and the Neuron2Graph drawing: SVG node labels (the short strings whole) and node titles.
        var gpt4 = await page.Locator("section#gpt4").InnerTextAsync();
        var labels = string.Concat(await page.Locator("section#neuron2graph svg g.n2g-node > text").AllTextContentsAsync());
        var titles = string.Concat(await page.Locator("section#neuron2graph svg g.n2g-node > title").AllTextContentsAsync());

        log.WriteLine($"{Hostile.Length} hostile strings, {pages.Count} pages loaded, {dialogs.Count} dialogs, {errors.Count} console errors, {foreign.Count} foreign requests");
        Assert.Empty(dialogs);
        Assert.Empty(errors);
        Assert.Empty(foreign);
        Assert.All(HostileStrings.Markup, s => Assert.Contains(s, shown, StringComparison.Ordinal));
        Assert.All(HostileStrings.Markup, s => Assert.Contains(s, full, StringComparison.Ordinal));
        Assert.All(HostileStrings.Markup, s => Assert.Contains(s, gpt4, StringComparison.Ordinal));
        Assert.All(HostileStrings.Markup, s => Assert.Contains(s, titles, StringComparison.Ordinal));
        Assert.All(HostileStrings.Markup.Where(s => s.Length <= 15), s => Assert.Contains(s, labels, StringComparison.Ordinal));
        Assert.Contains("<img src=x one…", labels, StringComparison.Ordinal);
    }

    private static async Task<string> BuildAsync(TempDirectory dir)
    {
        var catalog = SampleMirrorServer.Catalog;
        var corpus = new CorpusStore(dir.Combine("corpus"));
        var neurons = new[] { 0, 1 }.Select(n => Neuron(n, n == 0 ? Hostile : [.. Hostile.Reverse()])).ToList();
        var coverage = neurons.Select(n => new CoverageRow(n.Id.Model, n.Id.Layer, n.Id.Neuron, SourceInfo.Neuroscope.Id, CoverageStatus.Present, null, n.Provenance.Url, 200, DateTimeOffset.UnixEpoch)).ToList();
        await corpus.WriteBatchAsync("gpt2-small", 3, neurons, coverage, CancellationToken.None);
        var output = dir.Combine("output");
        var pages = ScribanPageRenderer.Load(Repo.Path("templates"), Repo.Path("content"), "0.0.0-test");
        var sources = await HostileSections.WriteAsync(corpus, Hostile, CancellationToken.None);
        await new SiteBuilder(corpus, catalog, pages, sources).BuildAsync(new BuildOptions(output, []), null, CancellationToken.None);
        return output;
    }

    private static NeuroscopeNeuron Neuron(int neuron, string[] hostile)
    {
        var texts = HostileStrings.Markup.Select((label, i) =>
        {
            var tokens = new[] { "<|endoftext|>" }.Concat(Enumerable.Range(0, 10).Select(k => hostile[((i * 10) + k) % hostile.Length])).ToArray();
            var values = tokens.Select((_, t) => t == 1 ? 2.5f : 0.01f * t).ToArray();
            return new NeuroscopeText(i, 2.5f, 0f, i, label, 1, tokens, values);
        }).ToList();
        return new NeuroscopeNeuron(new NeuronId("gpt2-small", 3, neuron), 2.5, -2.5, "1.38.1", texts,
            new Provenance($"https://neuroscope.io/gpt2-small/3/{neuron}.html", DateTimeOffset.UnixEpoch, new string('a', 64), 1));
    }
}
