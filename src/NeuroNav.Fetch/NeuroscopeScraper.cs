using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch.Http;
using NeuroNav.Fetch.Scraping;

namespace NeuroNav.Fetch;

/// <summary>A range of neurons of one layer: [FirstNeuron, EndNeuron).</summary>
public sealed record ScrapeTarget(string Model, int Layer, int FirstNeuron, int EndNeuron);

/// <summary>A snapshot for the progress bar. <see cref="Done"/> counts every finished neuron, skipped ones included,
/// so it reaches <see cref="Total"/>; <see cref="Failed"/> counts the Failed and Invalid ones.</summary>
public sealed record ScrapeProgress(long Total, long Done, long Skipped, long Failed);

/// <summary>
/// How a scrape ended, per status. <see cref="Problems"/> holds the coverage rows that are not Present, by neuron.
/// <see cref="Unreachable"/> says why the run stopped early when its source stopped answering (null otherwise).
/// </summary>
public sealed record ScrapeReport(
    long Requested, long Skipped, long Fetched, long MissingUpstream, long Failed, long Invalid, bool Cancelled, TimeSpan Elapsed, IReadOnlyList<CoverageRow> Problems, string? Unreachable = null);

/// <summary>
/// Fetches Neuroscope neuron pages into the corpus, resumably (the rule of every source, <see cref="Resume"/>): neurons
/// the corpus stores, and those recorded as missing upstream or invalid, are skipped unless
/// <see cref="FetchOptions.Refresh"/>; failed ones are tried again.
/// One neuron's trouble becomes a coverage row, never an exception; cancellation stores what was fetched and
/// returns a report with <see cref="ScrapeReport.Cancelled"/> set.
/// </summary>
public sealed class NeuroscopeScraper(ICorpusWriter corpus, FetchOptions options, SourceHttpClient? http = null)
    : IScrapeSource<NeuroscopeNeuron>
{
    public Task<ScrapeReport> RunAsync(IReadOnlyList<ScrapeTarget> targets, IProgress<ScrapeProgress>? progress, CancellationToken ct) =>
        ScrapeLoop.RunAsync(this, targets, options, http, progress, ct);

    void IScrapeSource<NeuroscopeNeuron>.Validate(ScrapeTarget target)
    {
        if (!ModelId.IsValid(target.Model))
        {
            throw new ArgumentException($"scrape target: '{target.Model}' is not a valid model id", nameof(target));
        }

        ScrapeLoop.ValidateRange(target, "scrape target");
    }

    NeuronFetch<NeuroscopeNeuron> IScrapeSource<NeuroscopeNeuron>.OpenFetch(SourceHttpClient client)
    {
        var fetcher = new NeuronFetcher(client, options);
        return async (id, ct) =>
        {
            var outcome = await fetcher.FetchAsync(id, ct).ConfigureAwait(false);
            return new ScrapedNeuron<NeuroscopeNeuron>(outcome.Coverage, outcome.Neuron);
        };
    }

    Task IScrapeSource<NeuroscopeNeuron>.WriteBatchAsync(string model, int layer, IReadOnlyList<NeuroscopeNeuron> neurons, IReadOnlyList<CoverageRow> coverage, CancellationToken ct) =>
        corpus.WriteBatchAsync(model, layer, neurons, coverage, ct);

    string IScrapeSource<NeuroscopeNeuron>.SourceId => SourceInfo.Neuroscope.Id;

    Task<IReadOnlyList<CoverageRow>> IScrapeSource<NeuroscopeNeuron>.ReadCoverageAsync(string model, int layer, CancellationToken ct) =>
        corpus.ReadCoverageAsync(model, layer, ct);

    /// <summary>The neurons whose texts are stored: a stored neuron stays settled even when a later refresh of it failed.</summary>
    Task<IReadOnlySet<int>> IScrapeSource<NeuroscopeNeuron>.HeldAsync(string model, int layer, CancellationToken ct) =>
        corpus.StoredNeuronsAsync(model, layer, ct);
}
