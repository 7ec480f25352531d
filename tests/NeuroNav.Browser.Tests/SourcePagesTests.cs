using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using NeuroNav.Hosting;
using NeuroNav.TestKit;

namespace NeuroNav.Browser.Tests;

/// <summary>Pages show what the archive holds: sources only where they can exist, negative activations, a helpful 404.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SourcePagesTests(BrowserSite site)
{
    [ChromiumFact]
    public async Task Home_page_lists_the_models_with_data_first_and_folds_the_rest()
    {
        var (page, errors) = await site.OpenAsync("index.html");

        var withData = await page.Locator("table.with-data tbody tr td:first-child a").AllTextContentsAsync();
        Assert.Equal(["solu-1l", "gpt2-small"], withData);
        Assert.True(await page.Locator("table.with-data").IsVisibleAsync());
        var folded = page.Locator("details.models-without-data");
        Assert.False(await folded.Locator("table").IsVisibleAsync(), "the models without data are folded");
        Assert.Equal(23, await folded.Locator("tbody tr").CountAsync());
        Assert.Equal("23 more models without data yet", await folded.Locator("summary").TextContentAsync());
        var tableTop = (await page.Locator("table.with-data").BoundingBoxAsync())!.Y;
        Assert.True(tableTop < 900, $"the models with data start {tableTop} px down, below the first screen");
        // solu-1l's coverage names only the sources that can have it: no GPT-4 line.
        var solu = await page.Locator("table.with-data tbody tr").First.Locator("td").Nth(2).TextContentAsync();
        Assert.DoesNotContain("GPT-4", solu, StringComparison.Ordinal);
        Assert.Contains("GPT-4 Explanation", await page.Locator("table.with-data tbody tr").Nth(1).TextContentAsync(), StringComparison.Ordinal);
        PageErrors.None(errors);
    }

    [ChromiumFact]
    public async Task Layer_page_of_a_model_openai_never_explained_has_no_gpt4_column_or_filter()
    {
        var (solu, soluErrors) = await site.OpenAsync("solu-1l/0/index.html");
        var (gpt2, gpt2Errors) = await site.OpenAsync("gpt2-small/0/index.html");
        await solu.Locator("table#neurons[data-rendered]").WaitForAsync();

        Assert.Equal(0, await solu.Locator("#neurons th[data-key=gpt4_score], #neurons th[data-key=explanation]").CountAsync());
        Assert.Equal(0, await solu.Locator("#filter-explained").CountAsync());
        Assert.DoesNotContain("GPT-4", await solu.Locator("table.coverage").TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("GPT-4", string.Concat(await solu.Locator("#neurons thead th").AllTextContentsAsync()), StringComparison.Ordinal);
        var cells = await solu.Locator("#neurons tbody tr").First.Locator("td").CountAsync();
        Assert.Equal(await solu.Locator("#neurons thead th").CountAsync(), cells);
        Assert.Equal(1, await gpt2.Locator("#neurons th[data-key=gpt4_score]").CountAsync());
        Assert.Equal(1, await gpt2.Locator("#filter-explained").CountAsync());
        PageErrors.None(soluErrors);
        PageErrors.None(gpt2Errors);
    }

    [ChromiumFact]
    public async Task Layer_page_lists_the_neurons_missing_upstream_with_their_original()
    {
        var (page, errors) = await site.OpenAsync("solu-1l/0/index.html");

        var missing = page.Locator("p.missing-upstream a[data-missing]");
        Assert.Equal(["7"], await missing.AllTextContentsAsync());
        Assert.Equal("https://neuroscope.io/solu-1l/0/7.html", await missing.First.GetAttributeAsync("href"));
        PageErrors.None(errors);
    }

    [ChromiumFact]
    public async Task Negative_activations_are_blue_each_side_scaled_to_its_own_extreme()
    {
        var (page, errors) = await site.OpenAsync("gpt2-small/0/5.html");
        var texts = site.ReadJson("api/gpt2-small/0/5.json")
            .GetProperty("neuroscope").GetProperty("texts");
        var values = texts.EnumerateArray().SelectMany(t => t.GetProperty("values").EnumerateArray().Select(v => v.GetSingle())).ToList();
        var min = values.Min();
        var max = values.Max();
        Assert.True(min < 0 && -min < max * 0.05, $"the sample neuron should have small negative activations (min {min}, max {max})");
        var text = texts[0];
        var start = text.GetProperty("truncated").GetProperty("start").GetInt32();
        var end = text.GetProperty("truncated").GetProperty("end").GetInt32();
        var window = text.GetProperty("values").EnumerateArray().Select(v => v.GetSingle()).ToList()[start..end];
        var lowest = window.IndexOf(window.Min());

        var token = page.Locator("#text-0 div.hm:not(.full-text) > span").Nth(lowest);
        var background = await token.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

        // A symmetric ±max scale would leave this token white: |value| is under 5% of the max.
        Assert.Equal(window[lowest], float.Parse((await token.GetAttributeAsync("title"))!, CultureInfo.InvariantCulture));
        Assert.StartsWith("rgba(37, 99, 235", background, StringComparison.Ordinal);
        var legend = await page.Locator("#neuroscope .legend-line").TextContentAsync();
        Assert.Contains("each side scaled to its own extreme", legend, StringComparison.Ordinal);
        Assert.Equal(Rounded(min), await page.Locator("#neuroscope .legend .end").First.TextContentAsync());
        Assert.Equal(Rounded(max), await page.Locator("#neuroscope .legend .end").Last.TextContentAsync());
        PageErrors.None(errors);
    }

    [ChromiumFact]
    public async Task Not_found_page_for_a_missing_neuron_names_it_and_links_to_its_layer_and_original()
    {
        foreach (var path in new[] { "gpt2-small/0/999.html", "api/gpt2-small/0/999.json" })
        {
            var (page, errors) = await site.OpenMissingAsync(path);

            Assert.Contains("neuron 999 of layer 0 of gpt2-small", await page.Locator("#not-found-what").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal("https://neuroscope.io/gpt2-small/0/999.html", await page.Locator("#not-found-original").GetAttributeAsync("href"));
            if (path.EndsWith(".html", StringComparison.Ordinal))
            {
                Directory.CreateDirectory(BrowserSite.ScreenshotDirectory);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDirectory, "notfound.png"), FullPage = true });
            }

            await PageReady.FollowAsync(page, () => page.Locator("#not-found-up").ClickAsync(), "**/gpt2-small/0/index.html");
            Assert.Equal("gpt2-small · layer 0", await page.Locator("h1").TextContentAsync());
            PageErrors.None(errors);
        }
    }

    [ChromiumFact]
    public async Task Serve_answers_a_cross_origin_fetch_from_a_page_on_another_loopback_port()
    {
        using var other = new TempDirectory("neuronav-other-origin");
        File.WriteAllText(other.Combine("index.html"), "<!DOCTYPE html><title>another origin</title><p>notebook</p>");
        await using var server = await StaticSiteServer.StartAsync(other.Path, 0, CancellationToken.None);
        var (page, errors) = await site.OpenAsync("index.html");
        await page.GotoAsync(server.BaseAddress.AbsoluteUri);
        Assert.NotEqual(site.BaseAddress.Port, server.BaseAddress.Port);

        var url = new Uri(site.BaseAddress, "api/gpt2-small/0/5.json").AbsoluteUri;
        var neuron = await page.EvaluateAsync<int>("url => fetch(url).then(r => r.json()).then(d => d.neuron)", url);
        var head = await page.EvaluateAsync<int>("url => fetch(url, { method: 'HEAD' }).then(r => r.status)", url);

        Assert.Equal(5, neuron);
        Assert.Equal(200, head);
        PageErrors.None(errors);
    }

    private static string Rounded(float value) => Math.Round((double)value, 4, MidpointRounding.AwayFromZero).ToString("R", CultureInfo.InvariantCulture);
}
