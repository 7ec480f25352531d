using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus.Neuron2Graph;

/// <summary>
/// The Neuron2Graph tables of the corpus, beside the Neuroscope ones and partitioned the same way
/// (<c>{root}/n2g_*/{partition}/part-*.parquet</c>, atomic parts). Per-neuron tables (graphs, stats): the newest part
/// that holds a neuron wins. Per-layer tables (neuron store, similar neurons) are rewritten whole by each ingest: the
/// newest part of the layer wins. Coverage rows go to the shared coverage table with source <c>neuron2graph</c>.
/// </summary>
public sealed class GraphCorpus
{
    public GraphCorpus(string root, CorpusFormat format)
        : this(CorpusRoot.Open(root, format))
    {
    }

    public GraphCorpus(CorpusStore store)
        : this(store.Corpus)
    {
    }

    internal GraphCorpus(CorpusRoot corpus)
    {
        Corpus = corpus;
    }

    /// <summary>The corpus this store is part of: every table, its lock, compaction, statistics and census.</summary>
    public CorpusRoot Corpus { get; }

    public string Root => Corpus.Folder;

    /// <summary>Stores graphs of one layer: nodes, edges and DOT text, one part per table under one part name, committed together.</summary>
    public async Task WriteGraphsAsync(string model, int layer, IReadOnlyList<NeuronGraph> graphs, CancellationToken ct)
    {
        Check(model, layer, graphs.Select(g => (g.Id.Model, g.Id.Layer)));
        if (graphs.Count == 0)
        {
            return;
        }

        using var batch = await PartBatch.BeginAsync(Corpus, model, layer, ct).ConfigureAwait(false);
        await WriteGraphPartsAsync(batch, batch.NewName(GraphTables.GraphGroup), graphs, Corpus.Format, ct).ConfigureAwait(false);
        await batch.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>One part each of graphs, nodes and edges under <paramref name="name"/>, sorted by neuron.</summary>
    internal static async Task WriteGraphPartsAsync(PartBatch batch, string name, IEnumerable<NeuronGraph> graphs, CorpusFormat format, CancellationToken ct)
    {
        var sorted = graphs.OrderBy(g => g.Id.Neuron).ToList();
        var options = GraphTables.Options(format);
        await batch.WriteAsync(GraphTables.Graphs, name, GraphTables.GraphsSchema, options, w => GraphRowGroups.WriteGraphsAsync(w, sorted, ct), ct).ConfigureAwait(false);
        await batch.WriteAsync(GraphTables.Nodes, name, GraphTables.NodesSchema, options, w => GraphRowGroups.WriteNodesAsync(w, sorted, ct), ct).ConfigureAwait(false);
        await batch.WriteAsync(GraphTables.Edges, name, GraphTables.EdgesSchema, options, w => GraphRowGroups.WriteEdgesAsync(w, sorted, ct), ct).ConfigureAwait(false);
    }

    public Task WriteStatsAsync(string model, int layer, IReadOnlyList<GraphStats> stats, CancellationToken ct)
    {
        Check(model, layer, stats.Select(s => (s.Id.Model, s.Id.Layer)));
        var sorted = stats.OrderBy(s => s.Id.Neuron).ToList();
        return WriteOneAsync(GraphTables.Stats, GraphTables.StatsSchema, model, layer, sorted.Count, w => GraphRowGroups.WriteStatsAsync(w, sorted, ct), ct);
    }

    /// <summary>One stats part under <paramref name="name"/>, sorted by neuron.</summary>
    internal static Task WriteStatsPartAsync(PartBatch batch, string name, IEnumerable<GraphStats> stats, CorpusFormat format, CancellationToken ct)
    {
        var sorted = stats.OrderBy(s => s.Id.Neuron).ToList();
        return batch.WriteAsync(GraphTables.Stats, name, GraphTables.StatsSchema, GraphTables.Options(format), w => GraphRowGroups.WriteStatsAsync(w, sorted, ct), ct);
    }

    /// <summary>Stores the layer's whole share of <c>neuron_store.json</c>; it replaces what an earlier ingest stored.</summary>
    public Task WriteStoreAsync(string model, int layer, IReadOnlyList<StoreEntry> entries, CancellationToken ct)
    {
        Check(model, layer, entries.Select(e => (model, e.Layer)));
        return WriteOneAsync(GraphTables.Store, GraphTables.StoreSchema, model, layer, entries.Count, w => GraphRowGroups.WriteStoreAsync(w, entries, ct), ct);
    }

    /// <summary>Stores the layer's similar neurons; they replace what an earlier ingest stored.</summary>
    public Task WriteSimilarAsync(string model, int layer, IReadOnlyList<SimilarNeuron> similar, CancellationToken ct)
    {
        Check(model, layer, []);
        return WriteOneAsync(GraphTables.Similar, GraphTables.SimilarSchema, model, layer, similar.Count, w => GraphRowGroups.WriteSimilarAsync(w, similar, ct), ct);
    }

    /// <summary>The layer's graphs by neuron, the newest copy of each.</summary>
    public async Task<IReadOnlyDictionary<int, NeuronGraph>> ReadGraphsAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        var pool = new StringPool();
        var result = new Dictionary<int, NeuronGraph>();
        var nodeParts = await PartsByNameAsync(GraphTables.Nodes, model, layer, ct).ConfigureAwait(false);
        var edgeParts = await PartsByNameAsync(GraphTables.Edges, model, layer, ct).ConfigureAwait(false);
        foreach (var part in await CommittedParts.OfAsync(Corpus, GraphTables.Graphs, model, layer, ct).ConfigureAwait(false))
        {
            var name = Path.GetFileName(part);
            var nodes = await GraphPartReader.NodesAsync(Sibling(nodeParts, part, name), pool, ct).ConfigureAwait(false);
            var edges = await GraphPartReader.EdgesAsync(Sibling(edgeParts, part, name), ct).ConfigureAwait(false);
            var nodesBy = nodes.ToLookup(n => n.Neuron, n => n.Node);
            var edgesBy = edges.ToLookup(e => e.Neuron, e => e.Edge);
            foreach (var (neuron, dot, provenance) in await GraphPartReader.GraphsAsync(part, pool, ct).ConfigureAwait(false))
            {
                result[neuron] = new NeuronGraph(new(model, layer, neuron), [.. nodesBy[neuron]], [.. edgesBy[neuron]], dot, provenance);
            }
        }

        return result;
    }

    /// <summary>The layer's stats by neuron, the newest copy of each.</summary>
    public async Task<IReadOnlyDictionary<int, GraphStats>> ReadStatsAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        var result = new Dictionary<int, GraphStats>();
        foreach (var part in await CommittedParts.OfAsync(Corpus, GraphTables.Stats, model, layer, ct).ConfigureAwait(false))
        {
            foreach (var stats in await GraphPartReader.StatsAsync(part, model, layer, ct).ConfigureAwait(false))
            {
                result[stats.Id.Neuron] = stats;
            }
        }

        return result;
    }

    /// <summary>The layer's neuron store entries from the newest ingest.</summary>
    public async Task<IReadOnlyList<StoreEntry>> ReadStoreAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        var parts = await CommittedParts.OfAsync(Corpus, GraphTables.Store, model, layer, ct).ConfigureAwait(false);
        return parts.Count == 0 ? [] : await GraphPartReader.StoreAsync(parts[^1], layer, new StringPool(), ct).ConfigureAwait(false);
    }

    /// <summary>The layer's similar neurons from the newest ingest, by neuron then rank.</summary>
    public async Task<IReadOnlyList<SimilarNeuron>> ReadSimilarAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        var parts = await CommittedParts.OfAsync(Corpus, GraphTables.Similar, model, layer, ct).ConfigureAwait(false);
        return parts.Count == 0 ? [] : await GraphPartReader.SimilarAsync(parts[^1], ct).ConfigureAwait(false);
    }

    /// <summary>The layers of <paramref name="model"/> that have neuron store entries, ascending.</summary>
    public IReadOnlyList<int> StoreLayers(string model) => Layers(GraphTables.Store, model);

    /// <summary>The layers of <paramref name="model"/> that have any Neuron2Graph table, ascending.</summary>
    public IReadOnlyList<int> Layers(string model) =>
        [.. new[] { GraphTables.Graphs, GraphTables.Stats, GraphTables.Store }.SelectMany(t => Layers(t, model)).Distinct().Order()];

    private IReadOnlyList<int> Layers(string table, string model)
    {
        CorpusLayout.ValidateModel(model);
        return [.. Corpus.Partitions(t => t.Name == table).Where(p => p.Model == model).Select(p => p.Layer)];
    }

    private async Task WriteOneAsync(string table, ParquetSchema schema, string model, int layer, int rows, Func<ParquetWriter, Task> write, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        if (rows == 0 && !CommittedParts.Entries(Corpus, table, model, layer).Any())
        {
            return;
        }

        using var batch = await PartBatch.BeginAsync(Corpus, model, layer, ct).ConfigureAwait(false);
        await batch.WriteAsync(table, batch.NewName([table]), schema, GraphTables.Options(Corpus.Format), write, ct).ConfigureAwait(false);
        await batch.CommitAsync(ct).ConfigureAwait(false);
    }

    private static void Check(string model, int layer, IEnumerable<(string Model, int Layer)> rows)
    {
        CorpusLayout.ValidateModel(model);
        CorpusLayout.ValidateLayer(layer);
        foreach (var (m, l) in rows)
        {
            if (m != model || l != layer)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"a row of {m}/{l} does not belong to the partition {model}/{layer}"));
            }
        }
    }

    private async Task<Dictionary<string, string>> PartsByNameAsync(string table, string model, int layer, CancellationToken ct)
        => (await CommittedParts.OfAsync(Corpus, table, model, layer, ct).ConfigureAwait(false)).ToDictionary(p => Path.GetFileName(p), StringComparer.Ordinal);

    /// <summary>The committed part of another graph table written by the same batch as <paramref name="graphsPart"/>.</summary>
    private static string Sibling(Dictionary<string, string> parts, string graphsPart, string name)
        => parts.GetValueOrDefault(name) ?? throw new CorpusException($"Corpus file {graphsPart} lists graphs whose nodes or edges part {name} is not committed.");
}

/// <summary>Opening the Neuron2Graph store from the root.</summary>
public static class Neuron2GraphCorpus
{
    /// <summary>The Neuron2Graph tables of this corpus.</summary>
    public static GraphCorpus Neuron2Graph(this CorpusRoot root) => new(root);
}
