using System.Globalization;
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

/// <summary>How a scrape ended, per status. <see cref="Problems"/> holds the coverage rows that are not Present, by neuron.</summary>
public sealed record ScrapeReport(long Requested, long Skipped, long Fetched, long MissingUpstream, long Failed, long Invalid, bool Cancelled, TimeSpan Elapsed, IReadOnlyList<CoverageRow> Problems);

/// <summary>
/// Fetches Neuroscope neuron pages into the corpus, resumably: neurons the corpus stores, and those recorded as
/// missing upstream or invalid, are skipped unless <see cref="FetchOptions.Refresh"/>; failed ones are tried again.
/// One neuron's trouble becomes a coverage row, never an exception; cancellation stores what was fetched and
/// returns a report with <see cref="ScrapeReport.Cancelled"/> set.
/// </summary>
public sealed class NeuroscopeScraper(ICorpusWriter corpus, FetchOptions options, SourceHttpClient? http = null)
{
    public async Task<ScrapeReport> RunAsync(IReadOnlyList<ScrapeTarget> targets, IProgress<ScrapeProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        var total = 0L;
        foreach (var target in targets)
        {
            Validate(target);
            total += target.EndNeuron - target.FirstNeuron;
        }

        var started = options.Clock.GetTimestamp();
        var tally = new ScrapeTally(total, progress);
        var owned = http is null ? new SourceHttpClient(options) : null;
        var fetcher = new NeuronFetcher(http ?? owned!, options);
        var cancelled = false;
        try
        {
            foreach (var target in targets)
            {
                if (ct.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }

                try
                {
                    await ScrapeAsync(target, fetcher, tally, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }
            }
        }
        finally
        {
            owned?.Dispose();
        }

        return tally.ToReport(cancelled, options.Clock.GetElapsedTime(started));
    }

    private async Task ScrapeAsync(ScrapeTarget target, NeuronFetcher fetcher, ScrapeTally tally, CancellationToken ct)
    {
        var todo = await PlanAsync(target, ct).ConfigureAwait(false);
        tally.Skip(target.EndNeuron - target.FirstNeuron - todo.Count);
        if (todo.Count == 0)
        {
            return;
        }

        using var batch = new BatchWriter(corpus, target.Model, target.Layer, options.BatchSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct };
        try
        {
            await Parallel.ForEachAsync(todo, parallel, async (neuron, token) =>
            {
                var outcome = await fetcher.FetchAsync(new NeuronId(target.Model, target.Layer, neuron), token).ConfigureAwait(false);
                tally.Record(outcome.Coverage);
                await batch.AddAsync(outcome).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await batch.FlushAsync().ConfigureAwait(false);
            throw;
        }

        await batch.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The neurons of <paramref name="target"/> to fetch, ascending.</summary>
    private async Task<List<int>> PlanAsync(ScrapeTarget target, CancellationToken ct)
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

    private static void Validate(ScrapeTarget target)
    {
        if (!ModelId.IsValid(target.Model))
        {
            throw new ArgumentException($"scrape target: '{target.Model}' is not a valid model id", nameof(target));
        }

        if (target.Layer < 0 || target.FirstNeuron < 0 || target.EndNeuron < target.FirstNeuron)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"scrape target {target.Model}/{target.Layer}: neurons [{target.FirstNeuron}, {target.EndNeuron}) is not a valid range"),
                nameof(target));
        }
    }
}
