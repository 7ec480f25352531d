using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Hosting;
using NeuroNav.TestKit;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests;

public sealed class Gpt4CliTests
{
    [Fact]
    public async Task Scrape_source_gpt4_of_a_model_without_OpenAI_data_is_a_bad_argument_that_names_it()
    {
        var console = new TestConsole().Width(200);
        var code = await NeuroNavApp.RunAsync(["scrape", "--source", "gpt4", "--model", "solu-1l", "--openai-url", "http://127.0.0.1:9/"], console);
        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("not solu-1l", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_rejects_an_unknown_source()
    {
        var console = new TestConsole().Width(200);
        var code = await NeuroNavApp.RunAsync(["scrape", "--source", "gpt5", "--model", "gpt2-small"], console);
        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("neuroscope or gpt4", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_source_gpt4_fetches_from_the_openai_url_into_the_gpt4_tables()
    {
        using var dir = new TempDirectory("neuronav-cli-gpt4");
        await using var mirror = await StaticSiteServer.StartAsync(Repo.Path("content", "sample", "openai"), 0, CancellationToken.None);
        var console = new TestConsole().Width(200);
        var code = await NeuroNavApp.RunAsync(
            ["scrape", "--source", "gpt4", "--model", "gpt2-small", "--layers", "0", "--neurons", "0-7", "--openai-url", mirror.BaseAddress.AbsoluteUri, "--corpus", dir.Combine("corpus"), "--rps", "500"],
            console);

        Assert.True(code == (int)ExitCode.Success, console.Output);
        Assert.Contains("Scrape summary", console.Output, StringComparison.Ordinal);
        Assert.Contains("gpt2-small/0/5", console.Output, StringComparison.Ordinal);
        var rows = await new CorpusStore(dir.Combine("corpus")).ReadCoverageAsync("gpt2-small", 0, CancellationToken.None);
        Assert.Equal(8, rows.Count(r => r.Source == "gpt4"));
        Assert.Equal(CoverageStatus.MissingUpstream, rows.Single(r => r.Neuron == 5).Status);
        Assert.True(Directory.Exists(dir.Combine("corpus", "gpt4_explanations", "model=gpt2-small", "layer=0")));
    }
}
