using System.Text.Json;
using AngleSharp.Html.Parser;
using NeuroNav.Cli;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests;

/// <summary>The README's main command builds a site that <c>neuronav verify</c> finds sound, with every source in it.</summary>
public sealed class DemoVerifyTests(GraphDemoSite site) : IClassFixture<GraphDemoSite>
{
    [Fact]
    public async Task Verify_finds_the_demo_site_sound_with_all_three_sources()
    {
        var console = new TestConsole().Width(200);
        var code = await NeuroNavApp.RunAsync(["verify", "--dir", site.Output, "--corpus", site.Corpus.Root], console);

        Assert.True(code == 0, console.Output);
        Assert.Contains("is sound", console.Output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(site.Output, "api", "gpt2-small", "gpt4")), "the demo site has GPT-4 documents");
        Assert.True(Directory.Exists(Path.Combine(site.Output, "api", "gpt2-small", "neuron2graph")), "the demo site has Neuron2Graph documents");
    }

    [Fact]
    public void Neuron_page_heads_its_facts_with_the_GPT4_explanation_and_both_scores()
    {
        var (neuron, explanation) = Directory.EnumerateFiles(Path.Combine(site.Output, "api", "gpt2-small", "0"), "*.json")
            .Where(f => !f.EndsWith("index.json", StringComparison.Ordinal))
            .Select(f => (File: f, Doc: JsonDocument.Parse(File.ReadAllBytes(f))))
            .Where(d => d.Doc.RootElement.GetProperty("GPT-4").ValueKind == JsonValueKind.Object && d.Doc.RootElement.GetProperty("neuron2graph").ValueKind == JsonValueKind.Object)
            .Select(d => (Path.GetFileNameWithoutExtension(d.File), d.Doc.RootElement.GetProperty("GPT-4").GetProperty("explanation").GetString()!))
            .First();

        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "gpt2-small", "0", neuron + ".html")));
        var facts = page.QuerySelectorAll("dl.facts dt").ToDictionary(dt => dt.TextContent, dt => dt.NextElementSibling!);
        Assert.Equal(explanation, facts["GPT-4 explanation"].QuerySelector("q.explanation")!.TextContent);
        Assert.Equal("#gpt4", facts["GPT-4 explanation"].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("#neuron2graph", facts["Neuron2Graph explanation"].QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("gpt4"));
        Assert.NotNull(page.GetElementById("neuron2graph"));
    }
}
