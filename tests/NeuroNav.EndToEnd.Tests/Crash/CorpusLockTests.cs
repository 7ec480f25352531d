using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Sample;
using NeuroNav.TestKit;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests.Crash;

public sealed class CorpusLockTests
{
    [Fact]
    public void Second_lock_on_a_folder_fails_naming_the_holder_until_the_first_is_released()
    {
        using var dir = new TempDirectory("neuronav-lock");
        var first = CorpusLock.Acquire(dir.Path, "neuronav scrape --model gpt2-small");

        var e = Assert.Throws<FolderLockedException>(() => CorpusLock.Acquire(dir.Path, "neuronav compact"));

        Assert.Equal(first.Holder, e.Holder);
        Assert.Contains($"process {Environment.ProcessId} on {Environment.MachineName}", e.Message, StringComparison.Ordinal);
        Assert.Contains("neuronav scrape --model gpt2-small", e.Message, StringComparison.Ordinal);
        Assert.Contains(dir.Path, e.Message, StringComparison.Ordinal);
        first.Dispose();
        using var second = CorpusLock.Acquire(dir.Path, "neuronav compact");
        Assert.Equal("neuronav compact", second.Holder.Command);
    }

    [Fact]
    public async Task Taking_the_lock_removes_temp_files_and_unlisted_parts_of_a_killed_writer_and_nothing_else()
    {
        using var dir = new TempDirectory("neuronav-lock");
        var row = new CoverageRow("gpt2-small", 3, 1, "neuroscope", CoverageStatus.MissingUpstream, "404", "https://neuroscope.io/gpt2-small/3/1.html", 404, DateTimeOffset.UnixEpoch);
        await new CorpusStore(dir.Path).WriteBatchAsync("gpt2-small", 3, [], [row], CancellationToken.None);
        var partition = dir.Combine("coverage", "model=gpt2-small", "layer=3");
        var kept = Directory.EnumerateFiles(partition).Select(Path.GetFileName).Single();
        File.WriteAllText(Path.Combine(partition, ".part-0000000000000000001-00000000.parquet.99.abc.tmp"), "half");
        File.WriteAllText(Path.Combine(partition, "part-0000000000000000001-00000000.parquet"), "never committed");
        Directory.CreateDirectory(dir.Combine(AtomicFile.TempFolder));
        File.WriteAllText(dir.Combine(AtomicFile.TempFolder, ".index.html.99.abc.tmp"), "half");

        using var held = CorpusLock.Acquire(dir.Path, "neuronav scrape");

        Assert.Equal([kept], Directory.EnumerateFiles(partition).Select(Path.GetFileName));
        Assert.False(Directory.Exists(dir.Combine(AtomicFile.TempFolder)));
        Assert.Equal(2, held.RemovedFiles.Count);
    }

    [Fact]
    public async Task A_second_scrape_on_a_busy_corpus_is_refused_naming_the_running_one_and_a_killed_one_frees_it()
    {
        using var dir = new TempDirectory("neuronav-lock");
        await using var server = await ScriptedServer.StartAsync();
        foreach (var file in SampleMirror.Files(SampleSite.Catalog))
        {
            server.Map("/" + file.Path, ScriptedResponse.Bytes(file.Bytes).After(TimeSpan.FromMilliseconds(300)));
        }

        string[] args = ["scrape", "--model", "gpt2-small", "--layers", "3", "--neurons", "0-15", "--base-url", server.BaseAddress.ToString(), "--corpus", dir.Path, "--rps", "1000", "--concurrency", "1"];
        using var running = CliProcess.Start(args);
        while (server.Requests.Count == 0 && !running.HasExited)
        {
            await Task.Delay(5);
        }

        var console = new TestConsole().Width(300);
        var code = await NeuroNavApp.RunAsync(args, console);

        Assert.Equal((int)ExitCode.Aborted, code);
        Assert.Contains($"process {running.Id} on", console.Output, StringComparison.Ordinal);
        Assert.Contains("scrape", console.Output, StringComparison.Ordinal);
        Assert.True(await running.KillAsync());
        foreach (var file in SampleMirror.Files(SampleSite.Catalog))
        {
            server.Map("/" + file.Path, ScriptedResponse.Bytes(file.Bytes));
        }

        Assert.Equal((int)ExitCode.Success, await NeuroNavApp.RunAsync(args, new TestConsole()));
        Assert.Equal(16, (await new CorpusStore(dir.Path).StoredNeuronsAsync("gpt2-small", 3, CancellationToken.None)).Count);
    }
}
