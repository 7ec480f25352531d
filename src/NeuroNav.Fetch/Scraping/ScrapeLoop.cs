using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Fetch.Http;

namespace NeuroNav.Fetch.Scraping;

/// <summary>
/// The run shared by every source: validate all targets, then per layer plan (<see cref="Resume"/>) → skip → fetch in
/// parallel → store in batches. Targets of one layer are merged, so a layer's neurons share batches however the
/// ranges were given. Cancellation stores what was fetched and returns a report with <see cref="ScrapeReport.Cancelled"/>
/// set; so does a source that stops answering (the client's breaker opens), with <see cref="ScrapeReport.Unreachable"/> set.
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
        foreach (var target in targets)
        {
            source.Validate(target);
        }

        var layers = Layers(targets);
        var started = options.Clock.GetTimestamp();
        var tally = new ScrapeTally(layers.Sum(l => (long)l.Neurons.Count), progress);
        var owned = http is null ? new SourceHttpClient(options) : null;
        var cancelled = false;
        string? unreachable = null;
        try
        {
            var fetch = source.OpenFetch(http ?? owned!);
            foreach (var layer in layers)
            {
                if (ct.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }

                try
                {
                    await ScrapeAsync(source, fetch, layer, options, tally, ct).ConfigureAwait(false);
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

    /// <summary>The targets as one ascending, distinct neuron list per (model, layer), in the order the layers first appear.</summary>
    private static List<LayerWork> Layers(IReadOnlyList<ScrapeTarget> targets) =>
    [
        .. targets
            .GroupBy(t => (t.Model, t.Layer))
            .Select(g => new LayerWork(
                g.Key.Model,
                g.Key.Layer,
                [.. g.SelectMany(t => Enumerable.Range(t.FirstNeuron, t.EndNeuron - t.FirstNeuron)).Distinct().Order()])),
    ];

    private static async Task ScrapeAsync<TNeuron>(
        IScrapeSource<TNeuron> source, NeuronFetch<TNeuron> fetch, LayerWork layer, FetchOptions options, ScrapeTally tally, CancellationToken ct)
        where TNeuron : class
    {
        var todo = options.Refresh ? layer.Neurons : await PlanAsync(source, layer, ct).ConfigureAwait(false);
        tally.Skip(layer.Neurons.Count - todo.Count);
        if (todo.Count == 0)
        {
            return;
        }

        using var batch = new BatchWriter<TNeuron>(source, layer.Model, layer.Layer, options.BatchSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct };
        try
        {
            await Parallel.ForEachAsync(todo, parallel, async (neuron, token) =>
            {
                var outcome = await fetch(new NeuronId(layer.Model, layer.Layer, neuron), token).ConfigureAwait(false);
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

    private static async Task<IReadOnlyList<int>> PlanAsync<TNeuron>(IScrapeSource<TNeuron> source, LayerWork layer, CancellationToken ct)
        where TNeuron : class
    {
        var held = await source.HeldAsync(layer.Model, layer.Layer, ct).ConfigureAwait(false);
        var coverage = await source.ReadCoverageAsync(layer.Model, layer.Layer, ct).ConfigureAwait(false);
        return Resume.Todo(layer.Neurons, source.SourceId, coverage, held);
    }

    private sealed record LayerWork(string Model, int Layer, IReadOnlyList<int> Neurons);
}
