using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.TestKit.Hostile;

namespace NeuroNav.Fetch.Tests.Faults;

/// <summary>A hostile mirror, fast fetch options against it, and a real corpus on disk.</summary>
internal static class FaultSetup
{
    public const string Model = "gpt2-small";
    public const int Layer = 3;

    /// <summary>Below the stall time, above a loopback page's.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(1500);

    /// <summary>The size cap of these tests; an oversized body is four times as large.</summary>
    public const long Cap = 1 << 20;

    public static NeuronId Id(int neuron) => new(Model, Layer, neuron);

    public static Task<HostileMirror> StartAsync() => HostileMirror.StartAsync(TimeSpan.FromSeconds(4), 4 * Cap);

    public static FetchOptions Options(HostileMirror mirror, int retries = 2) => new()
    {
        BaseUrl = mirror.BaseAddress,
        Concurrency = 8,
        RequestsPerSecond = double.PositiveInfinity,
        Timeout = Timeout,
        MaxRetries = retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        MaxResponseBytes = Cap,
        BatchSize = 4,
    };

    public static Task<ScrapeReport> ScrapeAsync(CorpusStore corpus, FetchOptions options, int first, int end) =>
        new NeuroscopeScraper(corpus, options).RunAsync([new ScrapeTarget(Model, Layer, first, end)], null, CancellationToken.None);

    public static async Task<Dictionary<int, NeuroscopeNeuron>> StoredAsync(CorpusStore corpus)
    {
        var stored = new Dictionary<int, NeuroscopeNeuron>();
        await foreach (var neuron in corpus.ReadLayerAsync(Model, Layer, CancellationToken.None))
        {
            stored.Add(neuron.Id.Neuron, neuron);
        }

        return stored;
    }

    public static async Task<Dictionary<int, CoverageRow>> CoverageAsync(CorpusStore corpus) =>
        (await corpus.ReadCoverageAsync(Model, Layer, CancellationToken.None)).ToDictionary(r => r.Neuron);

    /// <summary>What the coverage reason of a fault that never clears must say.</summary>
    public static string ReasonOf(Fault fault) => FaultOutcomes.ReasonOf(fault);

    public static CoverageStatus StatusOf(Fault fault) => FaultOutcomes.StatusOf(fault);
}
