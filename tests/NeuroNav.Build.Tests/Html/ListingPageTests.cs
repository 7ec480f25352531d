using NeuroNav.Build.Pages;
using static NeuroNav.Build.Tests.Html.HtmlFixtures;

namespace NeuroNav.Build.Tests.Html;

public sealed class ListingPageTests
{
    [Fact]
    public void Layer_page_lists_all_6400_neurons_in_well_under_a_megabyte()
    {
        var model = Gpt2Small with { NeuronsPerLayer = 6400, TotalNeurons = 12 * 6400L };
        var neurons = Enumerable.Range(0, 6400)
            .Select(n => new NeuronSummary(n, ["Max Activating Dataset Example"], n % 97 / 10f + 0.1234f, n % 97 / 10d + 0.12345678))
            .ToList();

        var bytes = Renderer.RenderLayer(new LayerPageModel(model, 3, [CoverageOf(6400, 6400)], neurons));
        var page = Parse(bytes);

        Assert.InRange(bytes.Length, 1, 512 * 1024);
        var rows = page.QuerySelectorAll("table.neurons tbody tr");
        Assert.Equal(6400, rows.Length);
        Assert.Equal("6399.html", rows[^1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("0.1234", rows[0].Children[1].TextContent);
        Assert.Empty(NonRelativeLinks(page));
        Assert.Contains("../../api/gpt2-small/3/index.json", page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Page_over_a_mebibyte_is_not_cut_short()
    {
        var model = Gpt2Small with { NeuronsPerLayer = 30000, TotalNeurons = 12 * 30000L };
        var neurons = Enumerable.Range(0, 30000).Select(n => new NeuronSummary(n, [], 1.25f, 1.25)).ToList();

        var html = Utf8(Renderer.RenderLayer(new LayerPageModel(model, 3, [CoverageOf(30000, 30000)], neurons)));

        Assert.InRange(html.Length, 1024 * 1024 + 1, int.MaxValue);
        Assert.Contains("<tr><td><a href=\"29999.html\">29999</a></td><td>1.25</td></tr>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Layer_page_puts_coverage_and_top_neurons_first()
    {
        NeuronSummary[] neurons =
        [
            new(0, [], 1.5f, 1.5), new(1, [], null, null), new(2, [], 9f, 9), new(3, [], 9f, 9), new(4, [], float.NaN, null),
        ];

        var page = Parse(Renderer.RenderLayer(new LayerPageModel(Gpt2Small, 0, [CoverageOf(3072, 5)], neurons)));

        var coverage = page.QuerySelectorAll("table.coverage tbody td").Select(c => c.TextContent).ToList();
        Assert.Equal(["Max Activating Dataset Example", "3,072", "5", "1", "0", "3", "3,063"], coverage);
        Assert.Equal(["2.html", "3.html", "0.html"], page.QuerySelectorAll("p.top a").Select(a => a.GetAttribute("href")));
        Assert.Equal("–", page.QuerySelectorAll("table.neurons tbody tr")[1].Children[1].TextContent);
    }

    [Fact]
    public void Model_page_links_layers_with_data_and_their_top_neurons()
    {
        LayerSummary[] layers =
        [
            new(0, [CoverageOf(3072, 2)], [new(7, [], 2.5f, 2.5), new(1, [], 1f, 1)]),
            new(5, [new("neuroscope", 3072, 0, 0, 4, 0)], []),
        ];

        var page = Parse(Renderer.RenderModel(new ModelPageModel(Gpt2Small, [CoverageOf(36864, 2)], layers)));

        var rows = page.QuerySelectorAll("table.layers tbody tr");
        Assert.Equal("0/index.html", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["0/7.html", "0/1.html"], rows[0].QuerySelectorAll("td.top a").Select(a => a.GetAttribute("href")));
        Assert.Null(rows[1].QuerySelector("a"));
        Assert.Contains("4 failed", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("84,934,656", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("../assets/site.css", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Empty(NonRelativeLinks(page));
    }

    [Fact]
    public void Index_lists_every_model_and_links_only_those_with_data()
    {
        var other = Gpt2Small with { Id = "solu-1l", Dataset = Xss };
        var page = Parse(Renderer.RenderIndex(new IndexPageModel(
        [
            new ModelSummary(other, [CoverageOf(2048, 0)], []),
            new ModelSummary(Gpt2Small, [CoverageOf(36864, 24)], [0, 1, 2, 3, 7]),
        ])));

        var rows = page.QuerySelectorAll("table.models tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Null(rows[0].QuerySelector("a"));
        Assert.Equal(Xss, rows[0].Children[2].TextContent);
        Assert.Equal("gpt2-small/index.html", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("0–3, 7", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(["about.html", "api.html"], page.QuerySelectorAll("nav.top a").Skip(1).Select(a => a.GetAttribute("href")));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Empty(NonRelativeLinks(page));
    }
}
