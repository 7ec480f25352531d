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
}
