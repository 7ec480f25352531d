using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Graphs;
using NeuroNav.Fetch.Http;
using NeuroNav.Fetch.Scraping;

namespace NeuroNav.Fetch.Graphs;

/// <summary>Where the graphs of an N2G output folder are: <c>layer_0/{L}_{N}/graph</c> (2023) or flat <c>{L}_{N}</c> (Dec 2023 on).</summary>
public enum GraphLayout
{
    Auto,
    Folder,
    Flat,
}

/// <summary>What an ingest did: the graphs (as a scrape report), the stats and store rows stored, the layout found.</summary>
public sealed record GraphIngestReport(ScrapeReport Graphs, int StatsRows, int StoreEntries, int SimilarRows, string Layout, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads one model's Neuron2Graph output (local folder or base URL) into the corpus: every graph the stats, the neuron
/// store or (for a local folder) the folder listing names, <c>stats.json</c>, <c>neuron_store.json</c>, and the similar
/// neurons computed from the store. A graph that cannot be fetched or parsed becomes a coverage row (source
/// <c>neuron2graph</c>) and the rest goes on. Resumable like the scraper: graphs already Present, MissingUpstream or
/// Invalid are skipped unless <see cref="FetchOptions.Refresh"/>.
/// </summary>
public sealed class GraphIngest(ICorpusWriter corpus, GraphCorpus graphs, FetchOptions options, SimilarityOptions? similarity = null)
{
    private static readonly string Source = SourceInfo.Neuron2Graph.Id;

    public async Task<GraphIngestReport> RunAsync(string model, string from, GraphLayout layout, IProgress<ScrapeProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        if (!ModelId.IsValid(model))
        {
            throw new ArgumentException($"n2g: '{model}' is not a valid model id", nameof(model));
        }

        var started = options.Clock.GetTimestamp();
        var warnings = new List<string>();
        using var files = GraphFiles.Open(from, options);

        var asked = new List<FileAnswer>();
        var storeAnswer = await files.GetAsync("neuron_store.json", ct).ConfigureAwait(false);
        asked.Add(storeAnswer);
        var store = Parse(storeAnswer, b => NeuronStoreParser.Parse(b), warnings) ?? [];
        var (found, statsPath, statsAnswer) = await DetectAsync(files, layout, asked, ct).ConfigureAwait(false);
        var stats = statsAnswer is null ? [] : Parse(statsAnswer, b => StatsParser.Parse(b, model), warnings) ?? [];
        if (statsPath is null)
        {
            warnings.Add($"no stats.json under {files.Root}");
        }

        var graphRoot = found == GraphLayout.Folder && (statsPath == "layer_0/stats.json" || files.HasFolder("layer_0") == true) ? "layer_0/" : string.Empty;
        var neurons = stats.Select(s => (s.Id.Layer, s.Id.Neuron))
            .Concat(store.Select(e => (e.Layer, e.Neuron)))
            .Concat(files.ListNeurons(graphRoot))
            .Distinct()
            .GroupBy(n => n.Layer)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Select(n => n.Neuron).Order().ToList());
        if (neurons.Count == 0)
        {
            throw NothingThere(files, from, asked);
        }

        var tally = new ScrapeTally(neurons.Sum(l => (long)l.Value.Count), progress);
        var cancelled = false;
        string? unreachable = null;
        foreach (var (layer, list) in neurons)
        {
            try
            {
                await IngestLayerAsync(files, model, layer, list, found, graphRoot, tally, ct).ConfigureAwait(false);
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

        var similarRows = 0;
        if (!cancelled && unreachable is null)
        {
            foreach (var group in stats.GroupBy(s => s.Id.Layer))
            {
                await graphs.WriteStatsAsync(model, group.Key, [.. group], ct).ConfigureAwait(false);
            }

            foreach (var group in store.GroupBy(e => e.Layer))
            {
                await graphs.WriteStoreAsync(model, group.Key, [.. group], ct).ConfigureAwait(false);
            }

            similarRows = await WriteSimilarAsync(model, store, ct).ConfigureAwait(false);
        }

        var report = tally.ToReport(cancelled, options.Clock.GetElapsedTime(started), unreachable);
        return new GraphIngestReport(report, stats.Count, store.Count, similarRows, found == GraphLayout.Folder ? $"folder ({graphRoot}{{L}}_{{N}}/graph)" : "flat ({L}_{N})", warnings);
    }

    private async Task<int> WriteSimilarAsync(string model, IReadOnlyList<StoreEntry> store, CancellationToken ct)
    {
        var builder = new TokenSets.Builder();
        foreach (var entry in store)
        {
            builder.Add(entry.Layer, entry.Neuron, entry.Token);
        }

        var sets = builder.Build();
        var similar = SimilarNeurons.Compute(sets, similarity ?? new SimilarityOptions(), ct);
        var rows = 0;
        foreach (var layer in Enumerable.Range(0, sets.Neurons.Count).GroupBy(i => sets.Neurons[i].Layer))
        {
            var layerRows = layer.SelectMany(i => similar[i]).ToList();
            await graphs.WriteSimilarAsync(model, layer.Key, layerRows, ct).ConfigureAwait(false);
            rows += layerRows.Count;
        }

        return rows;
    }

    private async Task IngestLayerAsync(
        GraphFiles files, string model, int layer, List<int> neurons, GraphLayout found, string graphRoot, ScrapeTally tally, CancellationToken ct)
    {
        var todo = options.Refresh ? neurons : await PlanAsync(model, layer, neurons, ct).ConfigureAwait(false);
        tally.Skip(neurons.Count - todo.Count);
        var pending = new List<(CoverageRow Row, NeuronGraph? Graph)>();
        var gate = new Lock();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct };
        try
        {
            await Parallel.ForEachAsync(todo, parallel, async (neuron, token) =>
            {
                var outcome = await FetchAsync(files, new NeuronId(model, layer, neuron), found, graphRoot, token).ConfigureAwait(false);
                tally.Record(outcome.Row);
                List<(CoverageRow, NeuronGraph?)>? full = null;
                lock (gate)
                {
                    pending.Add(outcome);
                    if (pending.Count >= options.BatchSize)
                    {
                        full = [.. pending];
                        pending.Clear();
                    }
                }

                if (full is not null)
                {
                    await StoreAsync(model, layer, full).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            List<(CoverageRow, NeuronGraph?)> rest;
            lock (gate)
            {
                rest = [.. pending];
                pending.Clear();
            }

            await StoreAsync(model, layer, rest).ConfigureAwait(false);
        }
    }

    /// <summary>Stores a batch (graphs first, then their coverage rows); runs to the end even after cancellation.</summary>
    private async Task StoreAsync(string model, int layer, List<(CoverageRow Row, NeuronGraph? Graph)> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        batch.Sort((a, b) => a.Row.Neuron.CompareTo(b.Row.Neuron));
        await graphs.WriteGraphsAsync(model, layer, [.. batch.Where(b => b.Graph is not null).Select(b => b.Graph!)], CancellationToken.None).ConfigureAwait(false);
        await corpus.WriteBatchAsync(model, layer, [], [.. batch.Select(b => b.Row)], CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<List<int>> PlanAsync(string model, int layer, List<int> neurons, CancellationToken ct)
    {
        var coverage = await corpus.ReadCoverageAsync(model, layer, ct).ConfigureAwait(false);
        var settled = coverage
            .Where(r => r.Source == Source && r.Status is CoverageStatus.Present or CoverageStatus.MissingUpstream or CoverageStatus.Invalid)
            .Select(r => r.Neuron)
            .ToHashSet();
        return [.. neurons.Where(n => !settled.Contains(n))];
    }

    private async Task<(CoverageRow Row, NeuronGraph? Graph)> FetchAsync(GraphFiles files, NeuronId id, GraphLayout layout, string graphRoot, CancellationToken ct)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{id.Layer}_{id.Neuron}");
        var relative = layout == GraphLayout.Folder ? $"{graphRoot}{name}/graph" : name;
        var attempted = options.Clock.GetUtcNow();
        var answer = await files.GetAsync(relative, ct).ConfigureAwait(false);
        CoverageRow Row(CoverageStatus status, string? reason) =>
            new(id.Model, id.Layer, id.Neuron, Source, status, reason, answer.Url.AbsoluteUri, answer.HttpStatus, attempted);

        if (!answer.Ok)
        {
            return answer.NotFound
                ? (Row(CoverageStatus.MissingUpstream, "no graph: " + answer.Error), null)
                : (Row(CoverageStatus.Failed, answer.Error), null);
        }

        var provenance = new Provenance(answer.Url.AbsoluteUri, answer.At.ToUniversalTime(), Hashing.Sha256Hex(answer.Body!), answer.Body!.LongLength);
        try
        {
            var graph = DotGraphParser.Parse(answer.Body, id, provenance);
            return (Row(CoverageStatus.Present, null), graph);
        }
        catch (GraphFormatException e)
        {
            return (Row(CoverageStatus.Invalid, $"graph {id} does not parse: {e.Reason}"), null);
        }
    }

    /// <summary>The layout, and the path and answer of stats.json (null when there is none).</summary>
    private static async Task<(GraphLayout Layout, string? StatsPath, FileAnswer? Stats)> DetectAsync(GraphFiles files, GraphLayout layout, List<FileAnswer> asked, CancellationToken ct)
    {
        var folder = layout != GraphLayout.Flat ? await files.GetAsync("layer_0/stats.json", ct).ConfigureAwait(false) : null;
        if (folder is { Ok: true })
        {
            return (GraphLayout.Folder, "layer_0/stats.json", folder);
        }

        asked.AddRange(folder is null ? [] : [folder]);
        var flat = await files.GetAsync("stats.json", ct).ConfigureAwait(false);
        asked.Add(flat);
        var flatStats = flat.Ok;
        var resolved = layout != GraphLayout.Auto ? layout
            : flatStats && files.HasFolder("layer_0") != true ? GraphLayout.Flat
            : files.HasFolder("layer_0") == true ? GraphLayout.Folder
            : flatStats ? GraphLayout.Flat : GraphLayout.Folder;
        return (resolved, flatStats ? "stats.json" : null, flatStats ? flat : null);
    }

    /// <summary>
    /// Why there is nothing to ingest: a source whose every file failed without an HTTP answer is unreachable;
    /// one that answered (or a folder) simply holds no N2G output.
    /// </summary>
    private static Exception NothingThere(GraphFiles files, string from, List<FileAnswer> asked)
    {
        var failed = asked.Where(a => !a.Ok && !a.NotFound && a.HttpStatus is null or >= 500).ToList();
        if (files.Root.Scheme is "http" or "https" && failed.Count == asked.Count && failed.Count > 0)
        {
            return new SourceUnreachableException(
                files.Root.Authority, string.Create(CultureInfo.InvariantCulture, $"none of the {failed.Count} Neuron2Graph index files under {files.Root} could be fetched"), failed[^1].Error ?? "no answer");
        }

        return new ArgumentException(
            $"n2g --from {from}: no Neuron2Graph output there (no neuron_store.json, stats.json or {{layer}}_{{neuron}} graphs); give the folder or URL that holds them");
    }

    private static T? Parse<T>(FileAnswer answer, Func<byte[], T> parse, List<string> warnings)
        where T : class
    {
        if (!answer.Ok)
        {
            warnings.Add($"{answer.Url}: {answer.Error}");
            return null;
        }

        try
        {
            return parse(answer.Body!);
        }
        catch (GraphFormatException e)
        {
            warnings.Add($"{answer.Url}: {e.Reason}");
            return null;
        }
    }
}
