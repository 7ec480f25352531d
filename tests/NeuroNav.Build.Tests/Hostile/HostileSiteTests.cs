using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Build.Tests.Html;
using NeuroNav.Core;
using NeuroNav.TestKit;
using Xunit.Abstractions;

namespace NeuroNav.Build.Tests.Hostile;

/// <summary>A site built with the real templates from a corpus whose every string is hostile: nothing in it may run.</summary>
public sealed class HostileSiteTests(ITestOutputHelper log) : IDisposable
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
    private static readonly string[] Hostile = [.. HostileStrings.All];
    private readonly TempDirectory _dir = new("neuronav-hostile-site");

    [Fact]
    public async Task Hostile_strings_render_as_text_and_no_page_carries_script_handlers_or_foreign_urls()
    {
        var output = await BuildAsync();
        var parser = new HtmlParser();
        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).ToList();
        var problems = new List<string>();
        foreach (var file in pages)
        {
            var page = Path.GetRelativePath(output, file);
            using var doc = parser.ParseDocument(File.ReadAllText(file));
            problems.AddRange(Inspect(doc).Select(p => $"{page}: {p}"));
        }

        log.WriteLine($"{Hostile.Length} hostile strings, {pages.Count} pages parsed");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_hostile_token_is_visible_as_text_in_its_heatmap_and_every_label_as_text()
    {
        var output = await BuildAsync();
        using var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "gpt2-small", "3", "0.html")));
        var heatmaps = string.Concat(doc.QuerySelectorAll("div.hm").Select(e => e.TextContent));
        var meta = string.Concat(doc.QuerySelectorAll("p.meta").Select(e => e.TextContent));

        Assert.All(Hostile, s => Assert.Contains(HostileStrings.Visible(s), heatmaps, StringComparison.Ordinal));
        Assert.All(HostileStrings.Markup, s => Assert.Contains(s, meta, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Neuron_documents_parse_and_give_back_every_hostile_token()
    {
        var output = await BuildAsync();
        foreach (var neuron in new[] { 0, 1 })
        {
            var bytes = File.ReadAllBytes(Path.Combine(output, "api", "gpt2-small", "3", $"{neuron}.json"));
            using var doc = JsonDocument.Parse(bytes);
            var tokens = doc.RootElement.GetProperty("neuroscope").GetProperty("texts").EnumerateArray()
                .SelectMany(t => t.GetProperty("tokens").EnumerateArray().Select(e => e.GetString()!)).ToHashSet(StringComparer.Ordinal);
            // JSON carries any well-formed string; a lone surrogate has no UTF-8 form and comes back as U+FFFD.
            Assert.All(Hostile, s => Assert.Contains(s.Replace("\ud800", "\ufffd", StringComparison.Ordinal).Replace("\udfff", "\ufffd", StringComparison.Ordinal), tokens));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(output, "api"), "*.json", SearchOption.AllDirectories))
        {
            using var _ = JsonDocument.Parse(File.ReadAllBytes(file));
        }
    }

    [Fact]
    public async Task Hostile_gpt4_and_neuron2graph_data_from_a_real_corpus_render_inert_as_text_and_round_trip_in_json()
    {
        var output = await BuildFromCorpusAsync();
        var parser = new HtmlParser();
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
        {
            using var parsed = parser.ParseDocument(File.ReadAllText(file));
            problems.AddRange(Inspect(parsed).Select(p => $"{Path.GetRelativePath(output, file)}: {p}"));
        }

        Assert.Empty(problems);
        using var doc = parser.ParseDocument(File.ReadAllText(Path.Combine(output, "gpt2-small", "3", "0.html")));
        var gpt4 = doc.QuerySelector("section#gpt4")?.TextContent ?? throw new Xunit.Sdk.XunitException("no #gpt4 section on gpt2-small/3/0.html");
        var graph = doc.QuerySelector("section#neuron2graph") ?? throw new Xunit.Sdk.XunitException("no #neuron2graph section on gpt2-small/3/0.html");
        var titles = string.Concat(graph.QuerySelectorAll("g.n2g-node > title").Select(e => e.TextContent));
        var related = string.Concat(doc.QuerySelectorAll("ol.gpt4-tokens code").Select(e => e.TextContent));
        var heatmaps = string.Concat(doc.QuerySelectorAll("section#gpt4 div.hm").Select(e => e.TextContent));
        log.WriteLine($"{Hostile.Length} hostile strings: {Hostile.Count(s => gpt4.Contains(s, StringComparison.Ordinal))} verbatim in #gpt4, "
            + $"{Hostile.Count(s => titles.Contains(GraphPageView.Show(Wellformed(s)), StringComparison.Ordinal))} shown in #neuron2graph node titles");
        Assert.All(HostileStrings.Markup, s => Assert.Contains(s, gpt4, StringComparison.Ordinal));
        Assert.All(HostileStrings.Markup, s => Assert.Contains(s, related, StringComparison.Ordinal));
        Assert.All(Hostile, s => Assert.Contains(HostileStrings.Visible(s), heatmaps, StringComparison.Ordinal));
        Assert.All(Hostile, s => Assert.Contains(GraphPageView.Show(Wellformed(s)), titles, StringComparison.Ordinal));
        Assert.Contains("{{ 7 * 7 }}", string.Concat(graph.QuerySelectorAll("svg text").Select(e => e.TextContent)), StringComparison.Ordinal);
        Assert.DoesNotContain(HostileSections.ForeignUrl, doc.DocumentElement.OuterHtml, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "api", "gpt2-small", "3", "0.json")));
        var explanations = json.RootElement.GetProperty("GPT-4").GetProperty("explanations").EnumerateArray().Select(e => e.GetProperty("explanation").GetString()!).ToList();
        var tokens = json.RootElement.GetProperty("neuron2graph").GetProperty("graph").GetProperty("nodes").EnumerateArray().Select(e => e.GetProperty("token").GetString()!).ToList();
        Assert.Equal(Hostile.Select(Wellformed), explanations);
        Assert.Equal(Hostile.Select(Wellformed), tokens);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(output, "api"), "*.json", SearchOption.AllDirectories))
        {
            using var _ = JsonDocument.Parse(File.ReadAllBytes(file));
        }
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Everything in <paramref name="doc"/> that NeuroNav's templates do not write.</summary>
    private static IEnumerable<string> Inspect(IDocument doc)
    {
        foreach (var script in doc.QuerySelectorAll("script"))
        {
            var src = script.GetAttribute("src") ?? "";
            if (!OurScripts.Any(ours => src.EndsWith(ours, StringComparison.Ordinal)) || script.TextContent.Length > 0 || src.Contains(':', StringComparison.Ordinal))
            {
                yield return $"script element {script.OuterHtml}";
            }
        }

        foreach (var element in doc.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name == "style")
                {
                    yield return $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">";
                }

                if (attribute.Name is "href" or "src" or "action" or "formaction" or "data" or "srcdoc" && !AllowedUrl(attribute.Value) && !AllowedLinkOut(element, attribute.Value))
                {
                    yield return $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">";
                }
            }

            if (element.LocalName is "iframe" or "img" or "svg" or "style" or "base" or "object" or "embed" or "form" or "frame" or "link" && !OurLink(element) && !OurForm(element) && !OurGraph(element))
            {
                yield return $"element <{element.LocalName}>";
            }
        }

        var csp = doc.QuerySelectorAll("meta[http-equiv]").Select(m => m.GetAttribute("content")).ToList();
        if (csp.Count != 1 || csp[0] != Csp)
        {
            yield return $"Content-Security-Policy meta: {string.Join(" | ", csp)}";
        }
    }

    /// <summary>Relative links inside the site; absolute https links only where the templates and content write them (checked by the caller).</summary>
    private static bool AllowedUrl(string url) =>
        !url.Contains(':', StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal);

    /// <summary>Links out of the site: the original page on neuroscope.io, and the https links of the about and API pages.</summary>
    private static bool AllowedLinkOut(IElement element, string url) =>
        element.LocalName == "a" && url.StartsWith("https://", StringComparison.Ordinal) && !url.Contains('<', StringComparison.Ordinal) && !url.Contains('"', StringComparison.Ordinal);

    /// <summary>The site's own scripts, all files under <c>assets/</c>.</summary>
    private static readonly string[] OurScripts = ["assets/neuron.js", "assets/nav.js", "assets/layer.js", "assets/explanations.js", "assets/search.js", "assets/notfound.js"];

    /// <summary>The forms the templates write (jump box, searches, layer filters), none posting anywhere but the site.</summary>
    private static bool OurForm(IElement element) =>
        element.LocalName == "form" && (element.ClassName is "jump" or "explanation-search" or "filters" || element.Id == "token-search")
        && AllowedUrl(element.GetAttribute("action") ?? "");

    /// <summary>The Neuron2Graph drawing: one inline SVG in its figure, nowhere else.</summary>
    private static bool OurGraph(IElement element) =>
        element.LocalName == "svg" && element.ParentElement is { LocalName: "figure", ClassName: "n2g-graph" } && element.Closest("section#neuron2graph") is not null;

    private static bool OurLink(IElement element) =>
        element.LocalName == "link" && element.GetAttribute("href") is { } href && href.Contains("assets/", StringComparison.Ordinal) && AllowedUrl(href);

    private async Task<string> BuildAsync()
    {
        var corpus = new FakeCorpus()
            .Add(Neuron(0, Hostile, "javascript:alert(12)"))
            .Add(Neuron(1, [.. Hostile.Reverse()], "https://neuroscope.io/gpt2-small/3/1.html"));
        var output = _dir.Combine("output");
        await new SiteBuilder(corpus, SampleMirrorServer.Catalog, HtmlFixtures.Renderer, [Gpt4Module.WithoutData, Neuron2GraphModule.WithoutData])
            .BuildAsync(new BuildOptions(output, []), null, CancellationToken.None);
        return output;
    }

    /// <summary>The same hostile neurons through a real Parquet corpus, with GPT-4 and Neuron2Graph data from the real section sources.</summary>
    private async Task<string> BuildFromCorpusAsync()
    {
        var corpus = new NeuroNav.Corpus.CorpusStore(_dir.Combine("corpus"));
        var neurons = new[] { Neuron(0, Hostile, "javascript:alert(12)"), Neuron(1, [.. Hostile.Reverse()], "https://neuroscope.io/gpt2-small/3/1.html") };
        var coverage = neurons.Select(n => new CoverageRow(n.Id.Model, n.Id.Layer, n.Id.Neuron, SourceInfo.Neuroscope.Id, CoverageStatus.Present, null, n.Provenance.Url, 200, DateTimeOffset.UnixEpoch)).ToList();
        await corpus.WriteBatchAsync("gpt2-small", 3, neurons, coverage, CancellationToken.None);
        var sources = await HostileSections.WriteAsync(corpus, Hostile, CancellationToken.None);
        var output = _dir.Combine("corpus-output");
        await new SiteBuilder(corpus, SampleMirrorServer.Catalog, HtmlFixtures.Renderer, sources)
            .BuildAsync(new BuildOptions(output, []), null, CancellationToken.None);
        return output;
    }

    /// <summary>A string as UTF-8 storage gives it back: a lone surrogate has no UTF-8 form and comes back as U+FFFD.</summary>
    private static string Wellformed(string s) => s.Replace("\ud800", "\ufffd", StringComparison.Ordinal).Replace("\udfff", "\ufffd", StringComparison.Ordinal);

    /// <summary>One text per hostile string as its dataset label, every hostile string as a token around the max.</summary>
    private static NeuroscopeNeuron Neuron(int neuron, string[] hostile, string url)
    {
        var id = new NeuronId("gpt2-small", 3, neuron);
        // The page shows 10 tokens after the max: each text carries the next 10 hostile strings after its max at index 1.
        var texts = HostileStrings.Markup.Select((label, i) =>
        {
            var tokens = new[] { "<|endoftext|>" }.Concat(Enumerable.Range(0, 10).Select(k => hostile[((i * 10) + k) % hostile.Length])).ToArray();
            var values = tokens.Select((_, t) => t == 1 ? 2.5f : 0.01f * t).ToArray();
            return new NeuroscopeText(i, 2.5f, 0f, i, label, 1, tokens, values);
        }).ToList();
        return new NeuroscopeNeuron(id, 2.5, -2.5, "1.38.1\"><script>alert(13)</script>", texts, new Provenance(url, DateTimeOffset.UnixEpoch, new string('a', 64), 1));
    }
}
