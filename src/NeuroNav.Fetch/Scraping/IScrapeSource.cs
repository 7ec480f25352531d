using NeuroNav.Core;
using NeuroNav.Fetch.Http;

namespace NeuroNav.Fetch.Scraping;

/// <summary>What one neuron's fetch produced: its coverage row, and the neuron when the source had it.</summary>
internal readonly record struct ScrapedNeuron<TNeuron>(CoverageRow Coverage, TNeuron? Neuron)
    where TNeuron : class;

/// <summary>Fetches one neuron; trouble becomes a coverage row, never an exception (cancellation aside).</summary>
internal delegate Task<ScrapedNeuron<TNeuron>> NeuronFetch<TNeuron>(NeuronId id, CancellationToken ct)
    where TNeuron : class;

/// <summary>The source-specific parts of a scrape that <see cref="ScrapeLoop"/> runs.</summary>
internal interface IScrapeSource<TNeuron>
    where TNeuron : class
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the target when it cannot be scraped from this source.</summary>
    void Validate(ScrapeTarget target);

    /// <summary>The neurons of <paramref name="target"/> to fetch, ascending (resume: settled ones left out).</summary>
    Task<IReadOnlyList<int>> PlanAsync(ScrapeTarget target, CancellationToken ct);

    /// <summary>The per-neuron fetch over <paramref name="http"/>, made once per run.</summary>
    NeuronFetch<TNeuron> OpenFetch(SourceHttpClient http);

    /// <summary>Stores one batch of a layer (neurons and coverage rows sorted by neuron).</summary>
    Task WriteBatchAsync(string model, int layer, IReadOnlyList<TNeuron> neurons, IReadOnlyList<CoverageRow> coverage, CancellationToken ct);
}
