using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.TestKit;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests;

public sealed class CliTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("scrape")]
    [InlineData("build")]
    [InlineData("serve")]
    [InlineData("compact")]
    [InlineData("models")]
    [InlineData("catalog")]
    [InlineData("sample")]
    [InlineData("bench")]
    [InlineData("verify")]
    [InlineData("n2g")]
    [InlineData("plan")]
    [InlineData("matrix")]
    [InlineData("publish")]
    [InlineData("rehearse")]
    public async Task Every_verb_has_help(string verb)
    {
        var console = new TestConsole().Width(200);
        var code = await NeuroNavApp.RunAsync([verb, "--help"], console);
        Assert.Equal(0, code);
        Assert.Contains($"neuronav {verb}", console.Output, StringComparison.Ordinal);
        Assert.Contains("--help", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_of_an_unknown_model_is_a_bad_argument_that_names_it()
    {
        var console = new TestConsole().Width(200);
        var code = await NeuroNavApp.RunAsync(["scrape", "--model", "gpt5-huge", "--base-url", "http://127.0.0.1:9/"], console);
        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("gpt5-huge", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_of_neurons_beyond_the_model_names_its_size()
    {
        var console = new TestConsole().Width(200);
        var code = await NeuroNavApp.RunAsync(["scrape", "--model", "solu-1l", "--neurons", "2040-2050", "--base-url", "http://127.0.0.1:9/"], console);
        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("0-2047", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_scrapes_the_sample_mirror_builds_the_site_and_says_where_to_look()
    {
        using var dir = new TempDirectory("neuronav-demo");
        var console = new TestConsole().Width(200);
        var code = await NeuroNavApp.RunAsync(["demo", "--corpus", dir.Combine("corpus"), "--out", dir.Combine("output")], console);
        Assert.True(code == 0, console.Output);
        Assert.Contains("Sample site written to", console.Output, StringComparison.Ordinal);
        Assert.Contains("agree with the catalog", console.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.Combine("output", "api", "gpt2-small", "3", "0.json")));
        Assert.True(File.Exists(dir.Combine("output", "gpt2-small", "3", "0.html")));

        // The weights of a synthetic checkpoint of gpt2-small's real shape: section, own document, page, model page.
        using var weights = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(dir.Combine("output", "api", "gpt2-small", "weights", "3", "0.json")));
        Assert.Equal(20, weights.RootElement.GetProperty("weights").GetProperty("logit_effects").GetProperty("promoted").GetArrayLength());
        Assert.Contains("<section id=\"weights\"", File.ReadAllText(dir.Combine("output", "gpt2-small", "3", "0.html")), StringComparison.Ordinal);
        Assert.Contains("Where the weight analysis comes from", File.ReadAllText(dir.Combine("output", "solu-1l", "index.html")), StringComparison.Ordinal);
        Assert.Contains("Scrape summary: weights", console.Output, StringComparison.Ordinal);
    }
}
