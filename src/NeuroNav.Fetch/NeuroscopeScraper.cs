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
/// Fetches Neuroscope neuron pages into the corpus, resumably: neurons the corpus stores, and those recorded as
/// missing upstream or invalid, are skipped unless <see cref="FetchOptions.Refresh"/>; failed ones are tried again.
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

    /// <summary>The neurons of <paramref name="target"/> to fetch, ascending.</summary>
    async Task<IReadOnlyList<int>> IScrapeSource<NeuroscopeNeuron>.PlanAsync(ScrapeTarget target, CancellationToken ct)
    {
        var todo = new List<int>(target.EndNeuron - target.FirstNeuron);
        if (options.Refresh)
        {
            for (var n = target.FirstNeuron; n < target.EndNeuron; n++)
            {
                todo.Add(n);
            }

            return todo;
        }

        var stored = await corpus.StoredNeuronsAsync(target.Model, target.Layer, ct).ConfigureAwait(false);
        var coverage = await corpus.ReadCoverageAsync(target.Model, target.Layer, ct).ConfigureAwait(false);
        var settled = new Dictionary<int, CoverageRow>();
        foreach (var row in coverage)
        {
            if (row.Source == SourceInfo.Neuroscope.Id
                && (!settled.TryGetValue(row.Neuron, out var seen) || row.AttemptedAt >= seen.AttemptedAt))
            {
                settled[row.Neuron] = row;
            }
        }

        for (var n = target.FirstNeuron; n < target.EndNeuron; n++)
        {
            var known = settled.TryGetValue(n, out var row) ? row.Status : (CoverageStatus?)null;
            if (!stored.Contains(n) && known is not (CoverageStatus.MissingUpstream or CoverageStatus.Invalid))
            {
                todo.Add(n);
            }
        }

        return todo;
    }
}
