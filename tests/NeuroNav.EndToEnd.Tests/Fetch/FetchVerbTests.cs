using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.EndToEnd.Tests.Cli;
using NeuroNav.Hosting;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests.Fetch;

/// <summary><c>neuronav fetch &lt;source&gt;</c>, and the <c>scrape</c> and <c>n2g</c> verbs kept as its aliases for one release.</summary>
public sealed class FetchVerbTests : IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-fetch-verb");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Fetch_neuron2graph_and_the_n2g_alias_store_the_same_corpus()
    {
        var from = Repo.Path("content", "sample", "neuron2graph", "gpt2-small");

        await AssertSameCorpusAsync(
            ["fetch", "neuron2graph", "--model", "gpt2-small", "--from", from],
            ["n2g", "--model", "gpt2-small", "--from", from]);
        Assert.True(Directory.Exists(_dir.Combine("fetch", "n2g_graphs", "model=gpt2-small")));
    }

    [Fact]
    public async Task Fetch_gpt4_and_the_scrape_source_gpt4_alias_store_the_same_corpus()
    {
        await using var mirror = await StaticSiteServer.StartAsync(Repo.Path("content", "sample", "openai"), 0, CancellationToken.None);
        string[] what = ["--model", "gpt2-small", "--layers", "0", "--neurons", "0-7", "--rps", "1000"];

        await AssertSameCorpusAsync(
            ["fetch", "gpt4", .. what, "--base-url", mirror.BaseAddress.AbsoluteUri],
            ["scrape", "--source", "gpt4", .. what, "--openai-url", mirror.BaseAddress.AbsoluteUri]);
        Assert.True(Directory.Exists(_dir.Combine("fetch", "gpt4_explanations", "model=gpt2-small")));
    }

    [Fact]
    public async Task Fetch_neuroscope_and_the_scrape_alias_store_the_same_corpus()
    {
        await using var mirror = await SampleMirrorServer.StartAsync();
        string[] what = ["--model", "gpt2-small", "--layers", "3", "--neurons", "0-7", "--base-url", mirror.BaseAddress.AbsoluteUri, "--rps", "1000"];

        await AssertSameCorpusAsync(["fetch", "neuroscope", .. what], ["scrape", .. what]);
        Assert.True(Directory.Exists(_dir.Combine("fetch", "neuroscope_texts", "model=gpt2-small")));
    }

    [Theory]
    [InlineData("gtp4", "did you mean gpt4?")]
    [InlineData("neuron2grahp", "did you mean neuron2graph?")]
    [InlineData("wikipedia", "the sources are neuroscope, gpt4, neuron2graph, weights")]
    public async Task A_mistyped_source_is_refused_with_the_closest_name_and_nothing_is_fetched(string typed, string says)
    {
        var (code, output) = await CliRun.RunAsync("fetch", typed, "--model", "gpt2-small", "--corpus", _dir.Combine("corpus"), "--base-url", "http://127.0.0.1:9/");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains($"error: fetch: unknown source '{typed}'; {says}", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("corpus")));
    }

    [Fact]
    public async Task A_mistyped_option_after_the_source_gets_the_closest_option()
    {
        var (code, output) = await CliRun.RunAsync("fetch", "neuroscope", "--model", "gpt2-small", "--neuron", "0-1");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("error: fetch: unknown option --neuron; did you mean --neurons?", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("neuroscope", "--from", "x", "this source does not take --from")]
    [InlineData("neuron2graph", "--base-url", "http://127.0.0.1:9/", "this source does not take --base-url")]
    [InlineData("neuroscope", "--top-k", "3", "this source does not take --layout, --top-k and --threshold")]
    [InlineData("gpt4", "--checkpoints", "cache", "this source does not take --checkpoints")]
    public async Task An_option_of_another_source_is_refused_naming_it(string source, string option, string value, string says)
    {
        var (code, output) = await CliRun.RunAsync("fetch", source, "--model", "gpt2-small", option, value, "--corpus", _dir.Combine("corpus"));

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains($"error: fetch {source}: {says}", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "--base-url", "this source does not take both --base-url and --from")]
    [InlineData("--from", "--checkpoints", "--checkpoints is where downloads go; with --from nothing is downloaded")]
    public async Task Fetch_weights_takes_a_local_copy_or_the_hub_not_both(string first, string second, string says)
    {
        Directory.CreateDirectory(_dir.Combine("local"));
        var value = second == "--base-url" ? "http://127.0.0.1:9/" : _dir.Combine("cache");

        var (code, output) = await CliRun.RunAsync("fetch", "weights", "--model", "solu-1l", first, _dir.Combine("local"), second, value, "--corpus", _dir.Combine("corpus"));

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains(says, output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("cache")));
    }

    [Fact]
    public async Task Fetch_neuron2graph_on_a_corpus_another_writer_holds_exits_3_naming_it()
    {
        using var held = CorpusLock.Acquire(_dir.Combine("corpus"), "neuronav compact --corpus corpus");

        var (code, output) = await CliRun.RunAsync(
            "fetch", "neuron2graph", "--model", "gpt2-small", "--from", Repo.Path("content", "sample", "neuron2graph", "gpt2-small"), "--corpus", _dir.Combine("corpus"));

        Assert.Equal((int)ExitCode.Aborted, code);
        Assert.Contains("neuronav compact --corpus corpus", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("corpus", "n2g_graphs")));
    }

    [Fact]
    public async Task Fetch_help_names_the_sources_and_shows_an_example_of_each()
    {
        var (code, output) = await CliRun.RunAsync("fetch", "--help");

        Assert.Equal(0, code);
        Assert.Contains("neuronav fetch <SOURCE>", output, StringComparison.Ordinal);
        Assert.All(["neuroscope", "gpt4", "neuron2graph"], s => Assert.Contains($"neuronav fetch {s} --model", output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("scrape", "Alias of 'fetch neuroscope'")]
    [InlineData("n2g", "Alias of 'fetch neuron2graph'")]
    public async Task The_old_verbs_say_in_their_help_that_they_are_aliases(string verb, string says)
    {
        var (code, output) = await CliRun.RunAsync(verb, "--help");

        Assert.Equal(0, code);
        Assert.Contains(says, output, StringComparison.Ordinal);
    }

    /// <summary>Runs both command lines, each into its own corpus, and compares every stored row.</summary>
    private async Task AssertSameCorpusAsync(string[] fetch, string[] alias)
    {
        var (fetchCode, fetchOutput) = await CliRun.RunAsync([.. fetch, "--corpus", _dir.Combine("fetch")]);
        var (aliasCode, aliasOutput) = await CliRun.RunAsync([.. alias, "--corpus", _dir.Combine("alias")]);

        Assert.True(fetchCode is 0 or 1, fetchOutput);
        Assert.Equal(fetchCode, aliasCode);
        var expected = await CorpusRows.ReadAsync(_dir.Combine("alias"));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await CorpusRows.ReadAsync(_dir.Combine("fetch")));
        Assert.Contains("Scrape summary", aliasOutput, StringComparison.Ordinal);
    }
}
