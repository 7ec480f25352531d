using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests.Cli;

/// <summary>An option a verb does not take is an error with the verb's usage, never silently ignored.</summary>
public sealed class StrictParsingTests : IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-strict");

    [Theory]
    [InlineData("demo", "--corpos", "--corpus")]
    [InlineData("scrape", "--neuron", "--neurons")]
    [InlineData("n2g", "--modle", "--model")]
    [InlineData("build", "--modle", "--model")]
    [InlineData("verify", "--dri", "--dir")]
    [InlineData("serve", "--prot", "--port")]
    [InlineData("compact", "--corpsu", "--corpus")]
    [InlineData("catalog", "--base-ur", "--base-url")]
    [InlineData("sample", "--otu", "--out")]
    [InlineData("plan", "--profiel", "--profile")]
    [InlineData("publish", "--bukcet", "--bucket")]
    [InlineData("bench", "--stag", "--stage")]
    [InlineData("rehearse", "--nuerons", "--neurons")]
    public async Task A_mistyped_option_exits_2_with_a_suggestion_and_the_verb_usage(string verb, string typo, string meant)
    {
        var (code, output) = await RunAsync(verb, typo, "1");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains($"error: {verb}: unknown option {typo}; did you mean {meant}?", output, StringComparison.Ordinal);
        Assert.Contains($"neuronav {verb} [OPTIONS]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scrape_with_a_typo_fetches_nothing()
    {
        var corpus = _dir.Combine("corpus");
        var (code, output) = await RunAsync("scrape", "--model", "gpt2-small", "--layers", "0", "--neuron", "0-1", "--corpus", corpus, "--base-url", "http://127.0.0.1:9/");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("did you mean --neurons?", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(corpus), "the scrape started although its command line was wrong");
    }

    [Fact]
    public async Task An_unknown_option_with_nothing_close_is_named_without_a_guess()
    {
        var (code, output) = await RunAsync("models", "--bogus-flag");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("error: models: unknown option --bogus-flag", output, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stray_argument_is_named()
    {
        var (code, output) = await RunAsync("build", "--corpus", _dir.Combine("corpus"), "gpt2-small");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("error: build: unexpected argument 'gpt2-small'", output, StringComparison.Ordinal);
        Assert.Contains("neuronav build [OPTIONS]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_verb_gets_a_suggestion()
    {
        var (code, output) = await RunAsync("scrap", "--model", "gpt2-small");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("unknown verb 'scrap'; did you mean scrape?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_given_with_equals_are_understood()
    {
        var (code, output) = await RunAsync("scrape", "--model=gpt2-small", "--neurons=0-1", "--layers=0", "--base-url=http://127.0.0.1:9/", "--corpus", _dir.Combine("c"), "--max-failures-in-a-row=1");

        Assert.Equal((int)ExitCode.SourceUnreachable, code);
        Assert.DoesNotContain("unknown option", output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private static Task<(int Code, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(args);
}
