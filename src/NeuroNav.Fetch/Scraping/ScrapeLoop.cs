using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Fetch.Http;

namespace NeuroNav.Fetch.Scraping;

/// <summary>
/// The run shared by every scraper: validate all targets, then per target plan → skip → fetch in parallel → store in
/// batches. Cancellation stores what was fetched and returns a report with <see cref="ScrapeReport.Cancelled"/> set;
/// so does a source that stops answering (the client's breaker opens), with <see cref="ScrapeReport.Unreachable"/> set.
/// </summary>
internal static class ScrapeLoop
{
    public static async Task<ScrapeReport> RunAsync<TNeuron>(
        IScrapeSource<TNeuron> source,
        IReadOnlyList<ScrapeTarget> targets,
        FetchOptions options,
        SourceHttpClient? http,
        IProgress<ScrapeProgress>? progress,
        CancellationToken ct)
        where TNeuron : class
    {
        options.Validate();
        var total = 0L;
        foreach (var target in targets)
        {
            source.Validate(target);
            total += target.EndNeuron - target.FirstNeuron;
        }

        var started = options.Clock.GetTimestamp();
        var tally = new ScrapeTally(total, progress);
        var owned = http is null ? new SourceHttpClient(options) : null;
        var cancelled = false;
        string? unreachable = null;
        try
        {
            var fetch = source.OpenFetch(http ?? owned!);
            foreach (var target in targets)
            {
                if (ct.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }

                try
                {
                    await ScrapeAsync(source, fetch, target, options, tally, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }
                catch (SourceUnreachableException e) when (!ct.IsCancellationRequested)
                {
                    unreachable = e.Message;
                    break;
                }
            }
        }
        finally
        {
            owned?.Dispose();
        }

        return tally.ToReport(cancelled, options.Clock.GetElapsedTime(started), unreachable);
    }

    /// <summary>Throws when <paramref name="target"/>'s layer or neuron range is not valid; <paramref name="label"/> starts the message.</summary>
    public static void ValidateRange(ScrapeTarget target, string label)
    {
        if (target.Layer < 0 || target.FirstNeuron < 0 || target.EndNeuron < target.FirstNeuron)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{label} {target.Model}/{target.Layer}: neurons [{target.FirstNeuron}, {target.EndNeuron}) is not a valid range"),
                nameof(target));
        }
    }

    private static async Task ScrapeAsync<TNeuron>(
        IScrapeSource<TNeuron> source, NeuronFetch<TNeuron> fetch, ScrapeTarget target, FetchOptions options, ScrapeTally tally, CancellationToken ct)
        where TNeuron : class
    {
        var todo = await source.PlanAsync(target, ct).ConfigureAwait(false);
        tally.Skip(target.EndNeuron - target.FirstNeuron - todo.Count);
        if (todo.Count == 0)
        {
            return;
        }

        using var batch = new BatchWriter<TNeuron>(source, target.Model, target.Layer, options.BatchSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct };
        try
        {
            await Parallel.ForEachAsync(todo, parallel, async (neuron, token) =>
            {
                var outcome = await fetch(new NeuronId(target.Model, target.Layer, neuron), token).ConfigureAwait(false);
                tally.Record(outcome.Coverage);
                await batch.AddAsync(outcome).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (ct.IsCancellationRequested || e is SourceUnreachableException)
        {
            await batch.FlushAsync().ConfigureAwait(false);
            throw;
        }

        await batch.FlushAsync().ConfigureAwait(false);
    }
}
