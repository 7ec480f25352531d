using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Scrape;

/// <summary>Fast, local fetch options and small helpers shared by the scrape tests.</summary>
internal static class ScrapeSetup
{
    public const int Layer = 3;

    /// <summary>Options against <paramref name="server"/> with millisecond backoff, so retries cost nothing.</summary>
    public static FetchOptions Options(ScriptedServer server) => new()
    {
        BaseUrl = server.BaseAddress,
        Concurrency = 4,
        RequestsPerSecond = double.PositiveInfinity,
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(3),
        BatchSize = 256,
    };

    public static ScrapeTarget Target(int first, int end) => new(NeuroscopePages.Model, Layer, first, end);

    /// <summary>Serves the valid page of every neuron in [first, end).</summary>
    public static void ServePages(ScriptedServer server, int first, int end)
    {
        for (var n = first; n < end; n++)
        {
            server.Map(NeuroscopePages.PathOf(Layer, n), ScriptedResponse.Bytes(NeuroscopePages.Page(Layer, n)));
        }
    }

    public static Task<ScrapeReport> RunAsync(InMemoryCorpus corpus, FetchOptions options, params ScrapeTarget[] targets) =>
        new NeuroscopeScraper(corpus, options).RunAsync(targets, null, CancellationToken.None);

    public static IReadOnlyDictionary<int, CoverageRow> Coverage(InMemoryCorpus corpus) => corpus.Coverage(NeuroscopePages.Model, Layer);

    public static IReadOnlyDictionary<int, NeuroscopeNeuron> Stored(InMemoryCorpus corpus) => corpus.Stored(NeuroscopePages.Model, Layer);

    /// <summary>An <see cref="IProgress{T}"/> that runs its callback on the reporting thread, at once.</summary>
    public sealed class InlineProgress(Action<ScrapeProgress> report) : IProgress<ScrapeProgress>
    {
        public void Report(ScrapeProgress value) => report(value);
    }
}
