using NeuroNav.Build.Html;
using NeuroNav.TestKit;
using static NeuroNav.Build.Tests.Html.HtmlFixtures;

namespace NeuroNav.Build.Tests.Html;

public sealed class StaticFilesTests
{
    private static byte[] File(string path) => Assert.Single(Renderer.StaticFiles(), f => f.Path == path).Bytes;

    [Fact]
    public void Static_files_hold_the_markdown_pages_and_local_assets()
    {
        var paths = Renderer.StaticFiles().Select(f => f.Path).ToList();

        Assert.Equal(["about.html", "api.html", "404.html", "assets/explanations.js", "assets/favicon.svg", "assets/layer.js", "assets/nav.js", "assets/neuron.js", "assets/notfound.js", "assets/search.js", "assets/site.css"], paths);
        Assert.Contains(".p10", Utf8(File("assets/site.css")), StringComparison.Ordinal);
        Assert.Contains("textContent", Utf8(File("assets/neuron.js")), StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", Utf8(File("assets/neuron.js")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("about.html", "About NeuroNav")]
    [InlineData("api.html", "NeuroNav JSON API")]
    public void Markdown_pages_render_through_the_layout(string path, string heading)
    {
        var page = Parse(File(path));

        Assert.Equal(heading, page.QuerySelector("article.prose h1")!.TextContent);
        Assert.Equal(heading + " · NeuroNav", page.Title);
        Assert.Equal("assets/site.css", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Equal(["index.html", "about.html", "api.html", "search.html"], page.QuerySelectorAll("nav.top a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void No_page_loads_scripts_styles_or_images_from_elsewhere()
    {
        var pages = new[]
        {
            File("about.html"), File("api.html"),
            Renderer.RenderNeuron(NeuronPage(Neuron(1, ExampleText()))),
            Renderer.RenderIndex(new([])),
        };

        foreach (var page in pages.Select(Parse))
        {
            var loaded = page.QuerySelectorAll("script[src], link[href], img[src], iframe[src]")
                .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!);
            Assert.All(loaded, u => Assert.DoesNotMatch("^(/|[a-z]+:)", u));
            Assert.Empty(page.QuerySelectorAll("script:not([src]), style, [style]"));
        }
    }

    [Fact]
    public void Api_page_documents_every_url_and_field_of_the_contract()
    {
        var text = Parse(File("api.html")).QuerySelector("main")!.TextContent;
        string[] expected =
        [
            "api/index.json", "api/<model>/index.json", "api/<model>/<layer>/index.json", "api/<model>/<layer>/<neuron>.json",
            "api/<model>/neuroscope/<layer>/<neuron>.json", "api/schema/<name>.schema.json", "manifest.json",
            "site-index", "model-index", "layer-index", "schema_version", "generator", "sources", "activation_function",
            "neurons_per_layer", "total_neurons", "parameters", "coverage", "expected", "present", "missing_upstream", "failed",
            "invalid", "not_attempted", "layers_with_data", "links", "layers", "top", "neurons", "available", "max_activation",
            "max_range", "min_range", "metadata", "statistics", "texts", "previous", "next", "neuroscope_original", "provenance",
            "sha256", "bytes", "circuitsvis_version", "min_activation", "data_index", "dataset", "max_activating_token_index",
            "truncated", "tokens", "values", "neuron2graph", "GPT-4", "null", "NaN", "requests", "neuroscope_texts/model=",
        ];

        Assert.All(expected, e => Assert.Contains(e, text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_that_does_not_parse_fails_the_load_naming_its_file()
    {
        using var dir = new TempDirectory();
        foreach (var file in Directory.GetFiles(Repo.Path("templates")))
        {
            System.IO.File.Copy(file, dir.Combine(Path.GetFileName(file)));
        }

        System.IO.File.AppendAllText(dir.Combine("layer.sbn"), "{{ for n in }}");

        var e = Assert.Throws<TemplateLoadException>(() => ScribanPageRenderer.Load(dir.Path, Repo.Path("content"), "0.1.0"));
        Assert.Contains(dir.Combine("layer.sbn"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_template_fails_the_load_naming_its_file()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<TemplateLoadException>(() => ScribanPageRenderer.Load(dir.Path, Repo.Path("content"), "0.1.0"));

        Assert.Contains(dir.Combine("layout.sbn"), e.Message, StringComparison.Ordinal);
    }
}
