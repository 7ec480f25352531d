using System.Globalization;
using NeuroNav.Cli.Commands;
using NeuroNav.Core;
using NeuroNav.EndToEnd.Tests.Cli;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests.Fetch;

/// <summary>
/// The politeness budget across jobs: several <c>neuronav fetch --jobs N</c> runs at once, as the rebuild's partition jobs
/// run, against one mirror. The rate is counted at the mirror, over its own request timestamps.
/// </summary>
public sealed class PolitenessBudgetTests : IDisposable
{
    private const int Jobs = 4;
    private const int NeuronsPerJob = 16;
    private const double Budget = 8;

    private readonly TempDirectory _dir = new("neuronav-politeness");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Jobs_fetching_one_source_at_once_share_its_budget_in_every_window_of_the_mirror_log()
    {
        await using var mirror = await ScriptedServer.StartAsync();
        for (var job = 0; job < Jobs; job++)
        {
            for (var n = 0; n < NeuronsPerJob; n++)
            {
                mirror.Map(PathOf(job, n), ScriptedResponse.Bytes(TestPages.Neuron("gpt2-small", job, n, texts: 2, tokens: 16).Html));
            }
        }

        // One job per layer, as the matrix gives each job its own layers; each takes 1/4 of the budget.
        var runs = await Task.WhenAll(Enumerable.Range(0, Jobs).Select(job => Task.Run(() => CliRun.RunAsync(
            "fetch", "neuroscope", "--model", "gpt2-small", "--layers", Inv(job), "--neurons", Inv($"0-{NeuronsPerJob - 1}"),
            "--base-url", mirror.BaseAddress.AbsoluteUri, "--corpus", _dir.Combine(Inv($"corpus-{job}")),
            "--rps", Inv(Budget), "--jobs", Inv(Jobs)))));

        Assert.All(runs, r => Assert.True(r.Code == 0, r.Output));
        var log = mirror.Requests;
        Assert.Equal(Jobs * NeuronsPerJob, log.Count);

        // The jobs ran at the same time: each one's first request came before every other's last.
        var spans = Enumerable.Range(0, Jobs).Select(job => log.Where(r => r.Path.StartsWith(Inv($"/gpt2-small/{job}/"), StringComparison.Ordinal)).Select(r => r.ReceivedAt).ToList())
            .Select(times => (First: times.Min(), Last: times.Max())).ToList();
        Assert.All(spans, a => Assert.All(spans, b => Assert.True(a.First < b.Last, "the jobs did not overlap")));

        // Tolerance: each run's token bucket starts with one token and can hand out one token accrued just before a window
        // when its timer fires inside it (2 per job beyond the rate); and the mirror logs a request when it arrives, which on
        // a loaded machine lags the limiter's grant by the time to open a connection and send it: one second of the whole
        // budget. Without the shared budget the 4 jobs each fetch at 8/s and all 64 requests land within about 2 s.
        var window = TimeSpan.FromSeconds(3);
        var allowed = (int)Math.Floor((Budget * window.TotalSeconds) + (2 * Jobs) + Budget);
        var (most, start) = RequestWindows.Busiest(log, window);
        Assert.True(most <= allowed, Inv($"{most} requests in the 3 s from {start:HH:mm:ss.fff}, over {allowed} ({Budget}/s in all)"));
    }

    [Theory]
    [InlineData("neuroscope", null, 1, 4.0)]
    [InlineData("neuroscope", null, 9, 4.0 / 9)]
    [InlineData("gpt4", null, 4, 2.0)]
    [InlineData("neuroscope", 10.0, 4, 2.5)]
    public void A_run_takes_its_share_of_the_source_budget_or_of_rps(string source, double? rps, int jobs, double share)
    {
        var settings = new FetchSourceSettings { Source = source, Models = ["gpt2-small"], RequestsPerSecond = rps, Jobs = jobs };

        Assert.True(settings.Validate().Successful);
        Assert.Equal(share, settings.ToJob(SampleMirrorServer.Catalog, "fetch").Options.RequestsPerSecond, 9);
    }

    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--rps", "0")]
    public async Task A_share_that_is_not_positive_is_refused_before_any_request(string option, string value)
    {
        var (code, output) = await CliRun.RunAsync("fetch", "neuroscope", "--model", "gpt2-small", "--corpus", _dir.Combine("corpus"), "--base-url", "http://127.0.0.1:9/", option, value);

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("error: --concurrency, --rps and --jobs must be positive", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("corpus")));
    }

    private static string PathOf(int layer, int neuron) => Inv($"/gpt2-small/{layer}/{neuron}.html");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Inv(double v) => v.ToString(CultureInfo.InvariantCulture);
}
