using System.Diagnostics;
using System.Globalization;
using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.EndToEnd.Tests.Crash;
using NeuroNav.TestKit;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests.Cli;

/// <summary>The one cancellation of a run (Ctrl+C, or the caller's token) reaches the command and its stage.</summary>
public sealed class CancellationTests : IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-cancel");

    [Fact]
    public async Task A_cancelled_build_exits_130_says_what_is_kept_and_writes_no_manifest()
    {
        var corpus = new CorpusStore(_dir.Combine("corpus"));
        var id = new NeuronId("solu-1l", 0, 7);
        var provenance = new Provenance($"https://neuroscope.io/{id}.html", DateTimeOffset.UnixEpoch, new string('a', 64), 100);
        var neuron = new NeuroscopeNeuron(id, 2, -1, "1.38.1", [new NeuroscopeText(0, 2f, -1f, 1, "The Pile", 1, ["a", "b"], [0.5f, 2f])], provenance);
        await corpus.WriteBatchAsync("solu-1l", 0, [neuron], [new CoverageRow("solu-1l", 0, 7, "neuroscope", CoverageStatus.Present, null, provenance.Url, 200, provenance.FetchedAt)], CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var console = new TestConsole().Width(1000);

        var code = await NeuroNavApp.RunAsync(["build", "--corpus", corpus.Root, "--out", _dir.Combine("output")], console, cancelled.Token);

        Assert.Equal((int)ExitCode.Cancelled, code);
        Assert.Contains("cancelled: stopped; everything finished so far is kept", console.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.Combine("output", "manifest.json")));
    }

    [Fact]
    public async Task Ctrl_c_stops_the_real_process_once_through_its_one_handler()
    {
        Directory.CreateDirectory(_dir.Combine("site"));
        using var cli = CliProcess.StartFromTerminal("serve", "--dir", _dir.Combine("site"), "--port", "0");
        await cli.PrintedAsync("Serving ").WaitAsync(TimeSpan.FromSeconds(60));

        using (var kill = Process.Start("kill", ["-INT", cli.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        Assert.Equal((int)ExitCode.Success, await cli.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Single(cli.Output.Split('\n'), line => line.StartsWith("Stopping: finishing what is in flight", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();
}
