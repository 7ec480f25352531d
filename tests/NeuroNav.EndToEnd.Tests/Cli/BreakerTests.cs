using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Sample;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests.Cli;

/// <summary>A source that stops answering stops the run early with exit code 4; what was stored is kept and a rerun resumes.</summary>
public sealed class BreakerTests : IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-breaker");

    private string Corpus => _dir.Combine("corpus");

    [Fact]
    public async Task Scrape_against_a_refusing_host_stops_after_its_threshold_and_a_rerun_against_a_healthy_mirror_completes()
    {
        var dead = CliRun.RefusingHost();

        // Default politeness (retries included): the whole layer is asked for; the run must stop after 20 refusals.
        var (code, output) = await CliRun.RunAsync(
            "scrape", "--model", "gpt2-small", "--layers", "3", "--corpus", Corpus, "--base-url", dead.AbsoluteUri, "--rps", "1000");

        Assert.Equal((int)ExitCode.SourceUnreachable, code);
        Assert.Contains($"unreachable: {dead.Authority} is unreachable: 20 requests in a row failed", output, StringComparison.Ordinal);
        Assert.Contains("Connection refused", output, StringComparison.Ordinal);
        var recorded = await new CorpusStore(Corpus).ReadCoverageAsync("gpt2-small", 3, CancellationToken.None);
        Assert.InRange(recorded.Count, 1, 20);
        Assert.All(recorded, r => Assert.Equal(CoverageStatus.Failed, r.Status));

        await using var mirror = await SampleMirrorServer.StartAsync();
        var (rerun, rerunOutput) = await CliRun.RunAsync(
            "scrape", "--model", "gpt2-small", "--layers", "3", "--neurons", "0-15", "--corpus", Corpus, "--base-url", mirror.BaseAddress.AbsoluteUri, "--rps", "1000");

        var expected = Enumerable.Range(0, 16).Where(n => SampleMirror.ExpectedStatus(new NeuronId("gpt2-small", 3, n)) == CoverageStatus.Present).ToHashSet();
        Assert.True(rerun is 0 or 1, rerunOutput);
        Assert.DoesNotContain("unreachable", rerunOutput, StringComparison.Ordinal);
        var stored = await new CorpusStore(Corpus).StoredNeuronsAsync("gpt2-small", 3, CancellationToken.None);
        Assert.Equal(expected.Order(), stored.Order());
    }

    [Fact]
    public async Task Scrape_against_a_host_answering_503_stops_naming_the_status()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = ScriptedResponse.Empty(503);

        var (code, output) = await CliRun.RunAsync(
            "scrape", "--model", "gpt2-small", "--layers", "0", "--corpus", Corpus, "--base-url", server.BaseAddress.AbsoluteUri,
            "--retries", "0", "--rps", "1000", "--max-failures-in-a-row", "8");

        Assert.Equal((int)ExitCode.SourceUnreachable, code);
        Assert.Contains($"{server.BaseAddress.Authority} is unreachable: 8 requests in a row failed (--max-failures-in-a-row), the last with HTTP 503", output, StringComparison.Ordinal);
        Assert.InRange(server.Requests.Count, 8, 8 + 4);
    }

    [Fact]
    public async Task Gpt4_scrape_against_a_refusing_host_stops_as_unreachable()
    {
        var dead = CliRun.RefusingHost();

        var (code, output) = await CliRun.RunAsync(
            "scrape", "--source", "gpt4", "--model", "gpt2-small", "--layers", "0", "--corpus", Corpus, "--openai-url", dead.AbsoluteUri, "--rps", "1000");

        Assert.Equal((int)ExitCode.SourceUnreachable, code);
        Assert.Contains($"{dead.Authority} is unreachable", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task N2g_from_a_dead_url_exits_unreachable_naming_it()
    {
        var dead = CliRun.RefusingHost();

        var (code, output) = await CliRun.RunAsync("n2g", "--model", "gpt2-small", "--from", dead.AbsoluteUri, "--corpus", Corpus);

        Assert.Equal((int)ExitCode.SourceUnreachable, code);
        Assert.Contains($"unreachable: {dead.Authority} is unreachable: none of the 3 Neuron2Graph index files under {dead.AbsoluteUri} could be fetched", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task N2g_from_a_missing_folder_is_a_bad_argument_naming_it()
    {
        var missing = _dir.Combine("no-such-graphs");

        var (code, output) = await CliRun.RunAsync("n2g", "--model", "gpt2-small", "--from", missing, "--corpus", Corpus);

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains($"error: --from: there is no folder {missing}; give the folder", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task N2g_from_a_folder_without_n2g_output_says_so()
    {
        Directory.CreateDirectory(_dir.Combine("empty"));

        var (code, output) = await CliRun.RunAsync("n2g", "--model", "gpt2-small", "--from", _dir.Combine("empty"), "--corpus", Corpus);

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("no Neuron2Graph output there", output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
