using static NeuroNav.Build.Tests.Html.HtmlFixtures;

namespace NeuroNav.Build.Tests.Html;

public sealed class NeuronPageTests
{
    private static readonly byte[] Example = Renderer.RenderNeuron(NeuronPage(Neuron(
        2.875200033187866,
        ExampleText(),
        Text(1, ["<|endoftext|>", "He", " said", " \"", "hi", "\"\n"], [0f, -2e-05f, 0.7071f, 1.5f, -0.16997f, 1e-06f], 3, "Python Code"))));

    [Fact]
    public void Neuron_page_shows_each_text_with_its_statistics_and_window()
    {
        var page = Parse(Example);

        Assert.Equal("gpt2-small · layer 3 · neuron 1337 · NeuroNav", page.Title);
        var texts = page.QuerySelectorAll("article.text");
        Assert.Equal(2, texts.Length);
        Assert.Equal("Text #0", texts[0].QuerySelector("h3")!.TextContent);
        var meta = texts[1].QuerySelector(".meta")!.TextContent;
        Assert.Contains("Max activation 1.5", meta, StringComparison.Ordinal);
        Assert.Contains("data index 4521790 (Python Code)", meta, StringComparison.Ordinal);
        Assert.Equal(6, texts[0].QuerySelectorAll("div.hm:not(.full-text) > span").Length);
        Assert.Equal(" cat", texts[0].QuerySelector("span.mx")!.TextContent);
        Assert.Equal("1E-06", texts[1].QuerySelectorAll("div.hm > span")[5].GetAttribute("title"));
        Assert.NotNull(page.QuerySelector(".legend .sw.p10"));
        Assert.Contains("-2.8752 to 2.8752", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("showing tokens 0–5 of 6", meta, StringComparison.Ordinal);
    }

    [Fact]
    public void Neuron_page_links_are_relative_except_the_original()
    {
        var page = Parse(Example);

        var hrefs = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("1336.html", hrefs);
        Assert.Contains("1338.html", hrefs);
        Assert.Contains("index.html", hrefs);
        Assert.Contains("../index.html", hrefs);
        Assert.Contains("../../index.html", hrefs);
        Assert.Contains("../../about.html", hrefs);
        Assert.Contains("../../api.html", hrefs);
        Assert.Contains("../../api/gpt2-small/3/1337.json", hrefs);
        Assert.Equal(["https://neuroscope.io/gpt2-small/3/1337.html"], NonRelativeLinks(page).Distinct());
        Assert.Equal("../../api/gpt2-small/3/1337.json", page.QuerySelector("#neuroscope")!.GetAttribute("data-api"));
        Assert.Equal("2.875200033187866", page.QuerySelector("#neuroscope")!.GetAttribute("data-scale"));
        Assert.Equal("../../assets/neuron.js", page.QuerySelector("script")!.GetAttribute("src"));
        Assert.Equal("../../assets/site.css", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }

    [Fact]
    public void Neuron_page_has_a_full_text_button_and_target_per_text()
    {
        var page = Parse(Example);

        var buttons = page.QuerySelectorAll("button.full");
        Assert.Equal(["0", "1"], buttons.Select(b => b.GetAttribute("data-text")));
        Assert.All(buttons, b => Assert.Equal("Show full text", b.TextContent));
        Assert.Equal(2, page.QuerySelectorAll("div.full-text[data-text]").Length);
    }

    [Fact]
    public void First_and_last_neuron_have_no_previous_or_next_link()
    {
        var page = Parse(Renderer.RenderNeuron(NeuronPage(Neuron(1, ExampleText()), hasPrevious: false, hasNext: false)));

        Assert.Null(page.QuerySelector("a[rel=prev]"));
        Assert.Null(page.QuerySelector("a[rel=next]"));
        Assert.DoesNotContain(page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), h => h is "1336.html" or "1338.html");
    }

    [Fact]
    public void Neuron_without_data_says_so_and_loads_only_the_navigation_script()
    {
        var page = Parse(Renderer.RenderNeuron(NeuronPage(null)));

        Assert.Contains("Neuroscope has no data for this neuron: not fetched yet.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("../../assets/nav.js", Assert.Single(page.QuerySelectorAll("script")).GetAttribute("src"));
        Assert.Null(page.QuerySelector("#neuroscope"));
        Assert.NotNull(page.QuerySelector("a[href='https://neuroscope.io/gpt2-small/3/1337.html']"));
    }

    [Fact]
    public void Source_strings_are_escaped_in_text_and_attributes()
    {
        var model = Gpt2Small with { Dataset = Xss + Quotes };
        var text = Text(0, [Xss, Quotes], [1f, 0.5f], 0, dataset: Xss + Quotes);
        var bytes = Renderer.RenderNeuron(NeuronPage(Neuron(1, text)) with { Model = model, NeuroscopeUrl = "https://neuroscope.io/x\"><img src=y>" });
        var page = Parse(bytes);

        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Equal(["../../assets/neuron.js", "../../assets/nav.js"], page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")));
        Assert.Contains(Xss + Quotes, page.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([Xss, Quotes], page.QuerySelectorAll("div.hm > span").Select(s => s.TextContent));
        Assert.Equal(["1", "0.5"], page.QuerySelectorAll("div.hm > span").Select(s => s.GetAttribute("title")));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://neuroscope.io/x\"><img src=y>");
    }

    [Fact]
    public void Rendering_is_deterministic_across_threads()
    {
        var model = NeuronPage(Neuron(2.875200033187866, ExampleText()));
        var first = Renderer.RenderNeuron(model);

        var others = new byte[8][];
        Parallel.For(0, others.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => others[i] = Renderer.RenderNeuron(model));

        Assert.All(others, o => Assert.Equal(first, o));
        Assert.DoesNotContain('\u0002', Utf8(first));
        Assert.EndsWith("</html>\n", Utf8(first), StringComparison.Ordinal);
    }
}
