using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Fetch.Scraping;

namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>Where the graphs of an N2G output folder are: <c>layer_0/{L}_{N}/graph</c> (2023) or flat <c>{L}_{N}</c> (Dec 2023 on).</summary>
public enum GraphLayout
{
    Auto,
    Folder,
    Flat,
}

/// <summary>What an ingest did: the graphs (as a scrape report), the stats and store rows stored, the layout found.</summary>
public sealed record GraphIngestReport(ScrapeReport Graphs, int StatsRows, int StoreEntries, int SimilarRows, string Layout, IReadOnlyList<string> Warnings)
{
    /// <summary>The report as the summary every source prints: the graphs as neurons, the rest as details.</summary>
    public FetchReport ToFetchReport()
    {
        static FetchDetail Count(string name, int n) => new(name, n.ToString("N0", CultureInfo.InvariantCulture));
        return new FetchReport(
            SourceInfo.Neuron2Graph.Id,
            Graphs,
            [new("layout", Layout), Count("stats.json neurons", StatsRows), Count("neuron_store.json pairs", StoreEntries), Count("similar-neuron links", SimilarRows)],
            Warnings);
    }
}

/// <summary>
/// Reads one model's Neuron2Graph output (local folder or base URL) into the corpus: every graph the stats, the neuron
/// store or (for a local folder) the folder listing names, fetched on the scrape loop every source shares (same
/// politeness, resume rule, batching, progress and report), then <c>stats.json</c>, <c>neuron_store.json</c> and the
/// similar neurons computed from the store. A graph that cannot be fetched or parsed becomes a coverage row (source
/// <c>neuron2graph</c>) and the rest goes on. The caller holds the corpus lock (<see cref="FetchSources"/> takes it).
/// </summary>
public sealed class GraphIngest(ICorpusWriter corpus, GraphCorpus graphs, FetchOptions options, SimilarityOptions? similarity = null)
{
    public Task<GraphIngestReport> RunAsync(string model, string from, GraphLayout layout, IProgress<ScrapeProgress>? progress, CancellationToken ct) =>
        RunAsync(model, from, layout, [], progress, ct);

    /// <param name="only">
    /// When not empty, only the graphs inside these ranges are read, and stats, store and similar neurons are stored for
    /// their layers only (the similarity still compares every neuron of the store).
    /// </param>
    public async Task<GraphIngestReport> RunAsync(
        string model, string from, GraphLayout layout, IReadOnlyList<ScrapeTarget> only, IProgress<ScrapeProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        if (!ModelId.IsValid(model))
        {
            throw new ArgumentException($"neuron2graph: '{model}' is not a valid model id", nameof(model));
        }

        using var files = GraphFiles.Open(from, options);
        var index = await GraphIndex.ReadAsync(files, model, from, layout, ct).ConfigureAwait(false);
        bool Wanted(int layer, int neuron) =>
            only.Count == 0 || only.Any(t => t.Model == model && t.Layer == layer && neuron >= t.FirstNeuron && neuron < t.EndNeuron);
        bool WantedLayer(int layer) => only.Count == 0 || only.Any(t => t.Model == model && t.Layer == layer);

        var source = new GraphSource(corpus, graphs, files, index.Layout, index.GraphRoot, options.Clock);
        var targets = Runs(model, index.Neurons.Where(n => Wanted(n.Layer, n.Neuron)));
        var report = await ScrapeLoop.RunAsync(source, targets, options, files.Http, progress, ct).ConfigureAwait(false);

        var (statsRows, storeEntries, similarRows) = (0, 0, 0);
        if (!report.Cancelled && report.Unreachable is null)
        {
            foreach (var group in index.Stats.Where(s => WantedLayer(s.Id.Layer)).GroupBy(s => s.Id.Layer))
            {
                await graphs.WriteStatsAsync(model, group.Key, [.. group], ct).ConfigureAwait(false);
                statsRows += group.Count();
            }

            foreach (var group in index.Store.Where(e => WantedLayer(e.Layer)).GroupBy(e => e.Layer))
            {
                await graphs.WriteStoreAsync(model, group.Key, [.. group], ct).ConfigureAwait(false);
                storeEntries += group.Count();
            }

            similarRows = await WriteSimilarAsync(model, index.Store, WantedLayer, ct).ConfigureAwait(false);
        }

        return new GraphIngestReport(report, statsRows, storeEntries, similarRows, index.Describe(), index.Warnings);
    }

    /// <summary>Neurons as ranges of consecutive neurons, one target per run (the loop merges a layer's runs again).</summary>
    private static List<ScrapeTarget> Runs(string model, IEnumerable<(int Layer, int Neuron)> neurons)
    {
        var targets = new List<ScrapeTarget>();
        foreach (var (layer, neuron) in neurons.Distinct().Order())
        {
            if (targets.Count > 0 && targets[^1] is var last && last.Layer == layer && last.EndNeuron == neuron)
            {
                targets[^1] = last with { EndNeuron = neuron + 1 };
            }
            else
            {
                targets.Add(new ScrapeTarget(model, layer, neuron, neuron + 1));
            }
        }

        return targets;
    }

    private async Task<int> WriteSimilarAsync(string model, IReadOnlyList<StoreEntry> store, Func<int, bool> wantedLayer, CancellationToken ct)
    {
        var builder = new TokenSets.Builder();
        foreach (var entry in store)
        {
            builder.Add(entry.Layer, entry.Neuron, entry.Token);
        }

        var sets = builder.Build();
        var similar = SimilarNeurons.Compute(sets, similarity ?? new SimilarityOptions(), ct);
        var rows = 0;
        foreach (var layer in Enumerable.Range(0, sets.Neurons.Count).GroupBy(i => sets.Neurons[i].Layer).Where(l => wantedLayer(l.Key)))
        {
            var layerRows = layer.SelectMany(i => similar[i]).ToList();
            await graphs.WriteSimilarAsync(model, layer.Key, layerRows, ct).ConfigureAwait(false);
            rows += layerRows.Count;
        }

        return rows;
    }
}
