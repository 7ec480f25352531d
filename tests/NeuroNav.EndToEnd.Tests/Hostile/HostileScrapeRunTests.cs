using System.Globalization;
using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch;
using NeuroNav.TestKit;
using NeuroNav.TestKit.Hostile;
using Spectre.Console.Testing;
using Xunit.Abstractions;
using static NeuroNav.TestKit.Hostile.FaultOutcomes;

namespace NeuroNav.EndToEnd.Tests.Hostile;

/// <summary>The whole command line against a source that commits every fault at once (moved from the fetch tests).</summary>
public sealed class HostileScrapeRunTests(ITestOutputHelper output)
{
    private const string Model = "gpt2-small";
    private const int Layer = 3;

    [Fact]
    public async Task Scrape_through_every_fault_completes_with_exit_code_1_and_records_each_failure()
    {
        using var dir = new TempDirectory("neuronav-hostile-run");
        // The CLI keeps the default 64 MiB cap: the oversized body is larger than that.
        await using var mirror = await HostileMirror.StartAsync(TimeSpan.FromSeconds(3), new FetchOptions().MaxResponseBytes + (1 << 20));
        var persistent = FaultKinds.All.Select((f, i) => (Fault: f, Neuron: i)).ToList();
        var transient = FaultKinds.Transient.Select((f, i) => (Fault: f, Neuron: 100 + i)).ToList();
        foreach (var (fault, neuron) in persistent)
        {
            mirror.Inject(Id(neuron), fault);
        }

        foreach (var (fault, neuron) in transient)
        {
            mirror.Inject(Id(neuron), fault, times: 1);
        }

        mirror.Serve(Enumerable.Range(200, 4).Select(Id));
        var console = new TestConsole().Width(250);
        var neurons = string.Create(CultureInfo.InvariantCulture, $"0-{persistent.Count - 1},100-{99 + transient.Count},200-203");

        var code = await NeuroNavApp.RunAsync(
            ["fetch", "neuroscope", "--model", Model, "--layers", "3", "--neurons", neurons, "--base-url", mirror.BaseAddress.ToString(),
             "--corpus", dir.Path, "--retries", "1", "--timeout", "2", "--concurrency", "16", "--rps", "1000"],
            console);

        output.WriteLine($"faults injected: {mirror.Describe()}");
        Assert.Equal((int)ExitCode.CompletedWithFailures, code);
        Assert.All(FaultKinds.All, f => Assert.True(mirror.InjectedByKind()[f] >= 1, $"{f} never injected"));
        var corpus = new CorpusStore(dir.Path);
        var coverage = await CoverageAsync(corpus);
        foreach (var (fault, neuron) in persistent)
        {
            var row = coverage[neuron];
            // 64 MiB over loopback on a busy machine may outlast the 2 s timeout: refused either way, never stored.
            var reasons = fault == Fault.OversizedBody ? [ReasonOf(fault), ReasonOf(Fault.Stall)] : new[] { ReasonOf(fault) };
            Assert.True(StatusOf(fault) == row.Status && reasons.Any(r => row.Reason!.Contains(r, StringComparison.Ordinal)), $"{fault}: {row}");
            Assert.Contains(Id(neuron).ToString(), console.Output, StringComparison.Ordinal);
        }

        var stored = await StoredAsync(corpus);
        Assert.Equal([.. transient.Select(t => t.Neuron), 200, 201, 202, 203], stored.Keys.Order());
        Assert.All(stored.Values, n => Assert.Equal(Hashing.Sha256Hex(HostileMirror.PageOf(n.Id)), n.Provenance.Sha256));
        Assert.Contains("invalid page", console.Output, StringComparison.Ordinal);
        Assert.Contains("Problems", console.Output, StringComparison.Ordinal);
    }

    private static NeuronId Id(int neuron) => new(Model, Layer, neuron);

    private static async Task<Dictionary<int, NeuroscopeNeuron>> StoredAsync(CorpusStore corpus)
    {
        var stored = new Dictionary<int, NeuroscopeNeuron>();
        await foreach (var neuron in corpus.ReadLayerAsync(Model, Layer, CancellationToken.None))
        {
            stored.Add(neuron.Id.Neuron, neuron);
        }

        return stored;
    }

    private static async Task<Dictionary<int, CoverageRow>> CoverageAsync(CorpusStore corpus) =>
        (await corpus.ReadCoverageAsync(Model, Layer, CancellationToken.None)).ToDictionary(r => r.Neuron);
}
