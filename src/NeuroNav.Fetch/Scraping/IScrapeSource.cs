using NeuroNav.Core;
using NeuroNav.Fetch.Http;

namespace NeuroNav.Fetch.Scraping;

/// <summary>What one neuron's fetch produced: its coverage row, and the neuron when the source had it.</summary>
internal readonly record struct ScrapedNeuron<TNeuron>(CoverageRow Coverage, TNeuron? Neuron)
    where TNeuron : class;

/// <summary>Fetches one neuron; trouble becomes a coverage row, never an exception (cancellation aside).</summary>
internal delegate Task<ScrapedNeuron<TNeuron>> NeuronFetch<TNeuron>(NeuronId id, CancellationToken ct)
    where TNeuron : class;

/// <summary>
/// The source-specific parts of a scrape that <see cref="ScrapeLoop"/> runs: checking a target, fetching one neuron,
/// storing a batch, and what the corpus already has (which <see cref="Resume"/> turns into the neurons to fetch).
/// </summary>
internal interface IScrapeSource<TNeuron>
    where TNeuron : class
{
    /// <summary>The source's id (<see cref="SourceInfo.Id"/>), the value of its coverage rows.</summary>
    string SourceId { get; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the target when it cannot be scraped from this source.</summary>
    void Validate(ScrapeTarget target);

    /// <summary>The newest coverage row per (neuron, source) of a layer.</summary>
    Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct);

    /// <summary>
    /// The neurons of a layer whose data the corpus holds apart from their coverage rows; empty for a source whose
    /// Present row is committed with (or after) its data, so the row alone says so.
    /// </summary>
    Task<IReadOnlySet<int>> HeldAsync(string model, int layer, CancellationToken ct);

    /// <summary>The per-neuron fetch over <paramref name="http"/>, made once per run.</summary>
    NeuronFetch<TNeuron> OpenFetch(SourceHttpClient http);

    /// <summary>Stores one batch of a layer (neurons and coverage rows sorted by neuron).</summary>
    Task WriteBatchAsync(string model, int layer, IReadOnlyList<TNeuron> neurons, IReadOnlyList<CoverageRow> coverage, CancellationToken ct);
}
