using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.Sample;
using NeuroNav.TestKit;
using Spectre.Console.Testing;
using Xunit.Abstractions;

namespace NeuroNav.EndToEnd.Tests.Crash;

public sealed class ScrapeCrashTests(ITestOutputHelper log)
{
    private const int Kills = 3;

    [Fact]
    public async Task Scrape_killed_at_random_points_then_rerun_stores_what_an_uninterrupted_run_stores_fetching_nothing_twice()
    {
        using var dir = new TempDirectory("neuronav-crash-scrape");
        await using var server = await ScriptedServer.StartAsync();
        foreach (var file in SampleMirror.Files(SampleSite.Catalog))
        {
            server.Map("/" + file.Path, ScriptedResponse.Bytes(file.Bytes).After(TimeSpan.FromMilliseconds(15)));
        }

        string[] Args(string corpus) =>
            ["scrape", "--model", "gpt2-small", "--layers", "0,3", "--neurons", "0-15,37,1403", "--base-url", server.BaseAddress.ToString(),
             "--corpus", corpus, "--batch-size", "3", "--concurrency", "2", "--rps", "1000", "--retries", "0"];
        var reference = dir.Combine("reference");
        var referenceCode = await NeuroNavApp.RunAsync(Args(reference), new TestConsole());
        var paths = server.Requests.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);

        var corpus = dir.Combine("corpus");
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var settledAt = new List<(int RequestsSoFar, HashSet<string> Paths)>();
        var crashes = 0;
        for (var k = 0; k < Kills; k++)
        {
            var settled = settledAt.Count > 0 ? settledAt[^1].Paths : [];
            var left = paths.Count - settled.Count;
            if (left < 2)
            {
                break;
            }

            var before = server.Requests.Count;
            var parts = NeuronParts(corpus);
            using var cli = CliProcess.Start(Args(corpus));
            // Let one to three more batches commit, then kill somewhere in what follows (fetching, parsing, writing).
            // Never wait for the last batch: the run must still be going when it is killed.
            var killAfter = parts + Math.Min(random.Next(1, 4), Math.Max(1, ((left + 2) / 3) - 1));
            while (NeuronParts(corpus) < killAfter && !cli.HasExited)
            {
                await Task.Delay(2);
            }

            await Task.Delay(random.Next(0, 40));
            crashes += await cli.KillAsync() ? 1 : 0;
            var rows = await CorpusSnapshot.ReadAllPartsWithDuckDbAsync(corpus);
            settledAt.Add((server.Requests.Count, await SettledPathsAsync(corpus)));
            log.WriteLine($"kill {k}: after {server.Requests.Count - before} requests; {settledAt[^1].Paths.Count} neurons settled; DuckDB reads {rows}");
        }

        var (code, output) = await CliProcess.RunAsync(Args(corpus));

        log.WriteLine($"seed {seed}, {crashes} crashes survived");
        Assert.True(code == referenceCode, output);
        Assert.True(crashes >= 2, $"only {crashes} runs were killed while running (seed {seed})");
        Assert.Empty(await CorpusSnapshot.DifferencesAsync(reference, corpus));
        await CorpusSnapshot.ReadAllPartsWithDuckDbAsync(corpus);
        Assert.Empty(Directory.EnumerateFiles(corpus, "*.tmp", SearchOption.AllDirectories));
        var requests = server.Requests.Select(r => r.Path).ToList();
        foreach (var (mark, settled) in settledAt)
        {
            var again = requests.Skip(mark).Where(settled.Contains).ToList();
            Assert.True(again.Count == 0, $"fetched again after a crash: {string.Join(", ", again)} (seed {seed})");
        }
    }

    private static int NeuronParts(string corpus)
    {
        var dir = Path.Combine(corpus, "neuroscope_neurons");
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "part-*.parquet", SearchOption.AllDirectories).Count() : 0;
    }

    /// <summary>The page paths a rerun must not fetch: stored neurons, and those recorded missing upstream or invalid.</summary>
    private static async Task<HashSet<string>> SettledPathsAsync(string corpus)
    {
        var (neurons, coverage) = await CorpusSnapshot.ReadAsync(corpus);
        var settled = neurons.Keys.Select(id => $"/{id}.html").ToHashSet(StringComparer.Ordinal);
        settled.UnionWith(coverage.Where(r => r.Status is CoverageStatus.MissingUpstream or CoverageStatus.Invalid).Select(r => $"/{r.Id}.html"));
        return settled;
    }
}
