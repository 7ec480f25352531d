using AngleSharp.Dom;
using NeuroNav.Build.Html;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Stats;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Core;
using static NeuroNav.Build.Tests.Html.HtmlFixtures;

namespace NeuroNav.Build.Tests.Html;

public sealed class ListingPageTests
{
    private static NeuronSummary Summary(int neuron, double? kurtosis, float? max, string? explanation = null, string? token = null) =>
        new NeuronSummary(neuron, ["Max Activating Dataset Example"], max, max)
        {
            Statistics = new ActivationStatistics(
                max is { } m ? m + 0.5 : null,
                new Moments(40, 0.1, 0.25, 1.5, kurtosis, 0.3),
                token is null ? TopTokens.None : new TopTokens(token, 0.75, 3)),
        }.Explained(explanation is null ? null : 0.42, explanation);

    [Fact]
    public void Layer_page_renders_the_most_interesting_rows_and_links_all_6400_neurons_in_well_under_a_megabyte()
    {
        var model = Gpt2Small with { NeuronsPerLayer = 6400, TotalNeurons = 12 * 6400L };
        var neurons = Enumerable.Range(0, 6400).Select(n => Summary(n, n % 97 / 10d, n % 89 / 10f + 0.1234f)).ToList();

        var bytes = Renderer.RenderLayer(new LayerPageModel(model, 3, [CoverageOf(6400, 6400)], neurons) { Columns = ListingColumns.All });
        var page = Parse(bytes);

        Assert.InRange(bytes.Length, 1, 512 * 1024);
        var rows = page.QuerySelectorAll("table#neurons tbody tr");
        Assert.Equal(ListingViews.LayerRows, rows.Length);
        // Kurtosis 9.6 is the highest (n % 97 == 96); of those, 1066 has the highest max activation (1066 % 89 = 87).
        Assert.Equal(["1", "1066", "9.6"], rows[0].Children.Take(3).Select(c => c.TextContent));
        Assert.Equal("1066.html", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(6400, page.QuerySelectorAll("details.all-neurons a").Length);
        Assert.Equal("6399.html", page.QuerySelectorAll("details.all-neurons a")[^1].GetAttribute("href"));
        Assert.Equal("../../api/gpt2-small/3/index.json", page.QuerySelector("table#neurons")!.GetAttribute("data-api"));
        Assert.Equal(["../../assets/nav.js", "../../assets/layer.js"], page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")));
        Assert.Empty(NonRelativeLinks(page));
        Assert.Empty(InlineCode(page));
    }

    [Fact]
    public void Page_over_a_mebibyte_is_not_cut_short()
    {
        var model = Gpt2Small with { NeuronsPerLayer = 40000, TotalNeurons = 12 * 40000L };
        var neurons = Enumerable.Range(0, 40000).Select(n => new NeuronSummary(n, [], 1.25f, 1.25)).ToList();

        var html = Utf8(Renderer.RenderLayer(new LayerPageModel(model, 3, [CoverageOf(40000, 40000)], neurons) { Columns = ListingColumns.All }));

        Assert.InRange(html.Length, 1024 * 1024 + 1, int.MaxValue);
        Assert.Contains("<a href=\"39999.html\">39999</a>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Layer_page_ranks_by_kurtosis_with_undefined_last_and_shows_explanations_escaped()
    {
        NeuronSummary[] neurons =
        [
            Summary(0, 1.5, 1.5f), Summary(1, null, 9f), Summary(2, 12, 9f, Xss, "\n"), Summary(3, 12, 10f), Summary(4, -1, float.NaN),
        ];

        var page = Parse(Renderer.RenderLayer(new LayerPageModel(Gpt2Small, 5, [CoverageOf(3072, 5)], neurons) { Columns = ListingColumns.All }));

        var coverage = page.QuerySelectorAll("table.coverage tbody td").Select(c => c.TextContent).ToList();
        Assert.Equal(["Max Activating Dataset Example", "3,072", "5", "1", "0", "3", "3,063"], coverage);
        var rows = page.QuerySelectorAll("table#neurons tbody tr");
        Assert.Equal(["3", "2", "0", "4", "1"], rows.Select(r => r.GetAttribute("data-neuron")));
        Assert.Equal(Xss, rows[1].QuerySelector("td.text")!.TextContent);
        Assert.Equal("↵", rows[1].QuerySelector("td.tok code")!.TextContent);
        Assert.Equal("–", rows[4].Children[2].TextContent);
        Assert.Equal("NaN", rows[3].Children[5].TextContent);
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Equal("../4/index.html", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(("1", "5"), (page.QuerySelector("a[rel=next]")!.GetAttribute("data-step"), page.QuerySelector("a[rel=next]")!.GetAttribute("data-layer")));
        Assert.Equal("5", page.QuerySelector("button[data-random]")!.GetAttribute("data-layer"));
    }

    [Fact]
    public void First_layer_has_no_previous_and_last_layer_no_next()
    {
        var first = Parse(Renderer.RenderLayer(new LayerPageModel(Gpt2Small, 0, [CoverageOf(3072, 1)], [Summary(0, 1, 1f)]) { Columns = ListingColumns.All }));
        var last = Parse(Renderer.RenderLayer(new LayerPageModel(Gpt2Small, 11, [CoverageOf(3072, 1)], [Summary(0, 1, 1f)]) { Columns = ListingColumns.All }));

        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.NotNull(first.QuerySelector("a[rel=next]"));
        Assert.Null(last.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public void Empty_layer_says_so_without_a_table_or_script()
    {
        var page = Parse(Renderer.RenderLayer(new LayerPageModel(Gpt2Small, 2, [CoverageOf(3072, 0)], []) { Columns = ListingColumns.All }));

        Assert.NotNull(page.QuerySelector("p.empty"));
        Assert.Null(page.QuerySelector("table#neurons"));
        Assert.Null(page.QuerySelector("button[data-random]"));
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.GetAttribute("src")!.EndsWith("layer.js", StringComparison.Ordinal));
    }

    [Fact]
    public void Model_page_links_layers_and_lists_their_most_interesting_neurons_with_explanations()
    {
        LayerSummary[] layers =
        [
            new(0, [CoverageOf(3072, 2)], [Summary(7, 30, 2.5f, "code " + Xss, " def"), Summary(1, 2, 1f)]),
            new(5, [new("neuroscope", 3072, 0, 0, 4, 0)], []),
        ];

        var page = Parse(Renderer.RenderModel(new ModelPageModel(Gpt2Small, [CoverageOf(36864, 2)], layers) { Search = "GPT-4 explanations" }));

        var rows = page.QuerySelectorAll("table.layers tbody tr");
        Assert.Equal("0/index.html", rows[0].QuerySelector("a")!.GetAttribute("href"));
        var top = rows[0].QuerySelectorAll("ol.top-neurons li");
        Assert.Equal(["0/7.html", "0/1.html"], top.Select(li => li.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal("code " + Xss, top[0].QuerySelector(".expl")!.TextContent);
        Assert.Equal("κ 30", top[0].QuerySelector(".stat")!.TextContent);
        Assert.Null(rows[1].QuerySelector("a"));
        Assert.Contains("4 failed", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("84,934,656", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("gpt2-small", page.QuerySelector("form#explanation-search")!.GetAttribute("data-model"));
        Assert.NotNull(page.QuerySelector("button[data-random]:not([data-layer])"));
        Assert.Equal("../assets/site.css", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Empty(NonRelativeLinks(page));
        Assert.Empty(InlineCode(page));
    }

    [Fact]
    public void Index_lists_the_models_with_data_first_folds_the_rest_and_searches_only_those_gpt4_covers()
    {
        var other = Gpt2Small with { Id = "solu-1l", Dataset = Xss };
        var page = Parse(Renderer.RenderIndex(new IndexPageModel(
        [
            new ModelSummary(other, [CoverageOf(2048, 0)], []),
            new ModelSummary(Gpt2Small, [CoverageOf(36864, 24)], [0, 1, 2, 3, 7]),
            new ModelSummary(Gpt2Small with { Id = "solu-2l" }, [CoverageOf(4096, 5)], [1]),
        ])
        { Search = [NeuroNav.Build.Gpt4.Gpt4Module.Explanation] }));

        var withData = page.QuerySelectorAll("table.with-data tbody tr");
        Assert.Equal(["gpt2-small/index.html", "solu-2l/index.html"], withData.Select(r => r.QuerySelector("a")!.GetAttribute("href")));
        Assert.Contains("0–3, 7", withData[0].TextContent, StringComparison.Ordinal);
        var folded = page.QuerySelectorAll("details.models-without-data tbody tr");
        Assert.Null(Assert.Single(folded).QuerySelector("a"));
        Assert.Equal(Xss, folded[0].Children[2].TextContent);
        Assert.Equal("1 more models without data yet", page.QuerySelector("details.models-without-data summary")!.TextContent);
        Assert.Equal(["gpt2-small"], page.QuerySelectorAll("#explanation-model option").Select(o => o.GetAttribute("value")));
        Assert.NotNull(page.QuerySelector("form.jump input[name=target]"));
        Assert.Equal(["about.html", "api.html", "search.html"], page.QuerySelectorAll("nav.top a").Skip(1).Select(a => a.GetAttribute("href")));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Empty(NonRelativeLinks(page));
        Assert.Empty(InlineCode(page));
    }

    [Fact]
    public void Layer_page_of_a_model_gpt4_does_not_cover_has_no_gpt4_coverage_column_or_filter_and_lists_neurons_missing_upstream()
    {
        var solu = Gpt2Small with { Id = "solu-1l", Layers = 1, NeuronsPerLayer = 2048, TotalNeurons = 2048 };
        CoverageCounts[] coverage = [CoverageOf(2048, 3), new("neuron2graph", 2048, 0, 0, 0, 0), new("gpt4", 2048, 0, 0, 0, 0)];
        var neurons = Enumerable.Range(0, 3).Select(n => Summary(n, n, 1f, token: " ")).ToList();

        var solo = Parse(Renderer.RenderLayer(new LayerPageModel(solu, 0, coverage, neurons) { MissingUpstream = [7, 1403], Columns = ListingColumns.All }));
        var gpt2 = Parse(Renderer.RenderLayer(new LayerPageModel(Gpt2Small, 0, coverage, neurons) { Columns = ListingColumns.All }));

        Assert.Empty(solo.QuerySelectorAll("th[data-key=gpt4_score], th[data-key=explanation], #filter-explained"));
        Assert.Equal(["Max Activating Dataset Example", "Neuron Graph"], solo.QuerySelectorAll("table.coverage tbody td:first-child").Select(td => td.TextContent));
        Assert.All(solo.QuerySelectorAll("table#neurons tbody tr"), tr => Assert.Equal(solo.QuerySelectorAll("table#neurons thead th").Length, tr.Children.Length));
        Assert.Equal("␣", solo.QuerySelector("table#neurons tbody td.tok code")!.TextContent);
        Assert.Equal(["https://neuroscope.io/solu-1l/0/7.html", "https://neuroscope.io/solu-1l/0/1403.html"], solo.QuerySelectorAll("p.missing-upstream a").Select(a => a.GetAttribute("href")));
        Assert.Equal(2, gpt2.QuerySelectorAll("th[data-key=gpt4_score], th[data-key=explanation]").Length);
        Assert.NotNull(gpt2.QuerySelector("#filter-explained"));
        Assert.Contains("GPT-4 Explanation", gpt2.QuerySelector("table.coverage")!.TextContent, StringComparison.Ordinal);
        Assert.Null(gpt2.QuerySelector("p.missing-upstream"));
    }

    /// <summary>Inline scripts, style attributes and event-handler attributes: what the Content-Security-Policy forbids.</summary>
    private static IEnumerable<string> InlineCode(IDocument page) =>
        page.QuerySelectorAll("script:not([src]), style, [style]").Select(e => e.OuterHtml)
            .Concat(page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Select(a => a.Name));
}
