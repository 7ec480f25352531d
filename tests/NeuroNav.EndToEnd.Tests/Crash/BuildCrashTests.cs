using System.Text.Json;
using NeuroNav.Cli;
using NeuroNav.TestKit;
using Spectre.Console.Testing;
using Xunit.Abstractions;

namespace NeuroNav.EndToEnd.Tests.Crash;

public sealed class BuildCrashTests(ITestOutputHelper log)
{
    private const int Kills = 3;

    [Fact]
    public async Task Build_killed_at_random_points_then_rerun_is_byte_identical_to_an_uninterrupted_build()
    {
        using var dir = new TempDirectory("neuronav-crash-build");
        var corpus = dir.Combine("corpus");
        await using (var mirror = await SampleMirrorServer.StartAsync())
        {
            string[] scrape = ["scrape", "--model", "gpt2-small", "--layers", "0,3", "--neurons", "0-15", "--base-url", mirror.BaseAddress.ToString(), "--corpus", corpus, "--rps", "1000"];
            await NeuroNavApp.RunAsync(scrape, new TestConsole());
        }

        var reference = dir.Combine("reference");
        var (refCode, refOutput) = await CliProcess.RunAsync("build", "--corpus", corpus, "--out", reference);
        Assert.True(refCode == 0, refOutput);
        var files = Tree(reference).Count;

        var output = dir.Combine("output");
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var crashes = 0;
        // A run may finish before its kill point (the site is small and the machine may be fast); such a run does not
        // count, and its finished output is removed so that the next run has work left to be killed in.
        for (var k = 0; crashes < Kills && k < Kills * 4; k++)
        {
            var started = DateTime.UtcNow;
            using var cli = CliProcess.Start("build", "--corpus", corpus, "--out", output);
            // Kill once a random share of the site has been (re)written by this run.
            var killAfter = random.Next(1, files - 1);
            while (WrittenSince(output, started) < killAfter && !cli.HasExited)
            {
                await Task.Delay(5);
            }

            var killed = await cli.KillAsync();
            crashes += killed ? 1 : 0;
            log.WriteLine($"kill {k} after {WrittenSince(output, started)} of {files} files written (asked {killAfter}){(killed ? "" : ": the build had finished")}");
            AssertNoHalfWrittenFile(output);
            if (!killed)
            {
                Directory.Delete(output, recursive: true);
            }
        }

        var (code, text) = await CliProcess.RunAsync("build", "--corpus", corpus, "--out", output);

        log.WriteLine($"seed {seed}, {crashes} crashes survived");
        Assert.True(code == 0, text);
        Assert.True(crashes == Kills, $"only {crashes} builds were killed while running (seed {seed})");
        Assert.Equal(Tree(reference), Tree(output));
        foreach (var path in Tree(reference))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(reference, path)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, path))), path);
        }
    }

    /// <summary>Every file at a site path (staging folder aside) is whole: JSON parses, HTML ends with its closing tag.</summary>
    private static void AssertNoHalfWrittenFile(string output)
    {
        if (!Directory.Exists(output))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, file);
            if (relative.StartsWith('.'))
            {
                continue;
            }

            if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                using var _ = JsonDocument.Parse(File.ReadAllBytes(file));
            }
            else if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                Assert.True(File.ReadAllText(file).TrimEnd().EndsWith("</html>", StringComparison.Ordinal), $"{relative} is cut short");
            }
        }
    }

    private static int WrittenSince(string output, DateTime started) =>
        Directory.Exists(output)
            ? Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Count(f => File.GetLastWriteTimeUtc(f) >= started)
            : 0;

    private static List<string> Tree(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
}
