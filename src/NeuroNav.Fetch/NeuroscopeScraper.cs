using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Fetch;

/// <summary>A range of neurons of one layer: [FirstNeuron, EndNeuron).</summary>
public sealed record ScrapeTarget(string Model, int Layer, int FirstNeuron, int EndNeuron);

/// <summary>How to fetch: where from, how politely, and whether to refetch what the corpus already has.</summary>
public sealed record FetchOptions
{
    public Uri BaseUrl { get; init; } = new("https://neuroscope.io/");

    public int Concurrency { get; init; } = 4;

    public double RequestsPerSecond { get; init; } = 8;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; init; } = 5;

    /// <summary>Refetch neurons the corpus already holds.</summary>
    public bool Refresh { get; init; }

    /// <summary>Neurons per corpus part file (and row group).</summary>
    public int BatchSize { get; init; } = 256;
}

/// <summary>A snapshot for the progress bar.</summary>
public sealed record ScrapeProgress(long Total, long Done, long Skipped, long Failed);

/// <summary>How a scrape ended, per status.</summary>
public sealed record ScrapeReport(long Requested, long Skipped, long Fetched, long MissingUpstream, long Failed, long Invalid, bool Cancelled, TimeSpan Elapsed, IReadOnlyList<CoverageRow> Problems);

/// <summary>Fetches Neuroscope neuron pages into the corpus, resumably.</summary>
public sealed class NeuroscopeScraper(ICorpusWriter corpus, FetchOptions options)
{
    public Task<ScrapeReport> RunAsync(IReadOnlyList<ScrapeTarget> targets, IProgress<ScrapeProgress>? progress, CancellationToken ct)
        => throw new NotImplementedException($"{corpus} {options}");
}
