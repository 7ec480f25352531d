using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus.Neuron2Graph;

/// <summary>The Parquet schemas of the Neuron2Graph tables; the partition supplies model and layer.</summary>
public static class GraphTables
{
    public const string Nodes = "n2g_graph_nodes";
    public const string Edges = "n2g_graph_edges";
    public const string Graphs = "n2g_graphs";
    public const string Stats = "n2g_stats";
    public const string Store = "n2g_neuron_store";
    public const string Similar = "n2g_similar_neurons";

    /// <summary>Written by one batch under one part name; a reader joins nodes and edges to their graphs by it.</summary>
    public static readonly string[] GraphGroup = [Graphs, Nodes, Edges];

    /// <summary>
    /// The descriptors. Graphs (with their nodes and edges) and stats: the newest part holding a neuron wins, so compaction
    /// reads the layer's newest copy of each and writes it back as one part per table. The neuron store and the similar
    /// neurons are replaced whole by every ingest: compaction keeps the newest part and drops the rest.
    /// </summary>
    public static readonly IReadOnlyList<CorpusTable> All = Describe();

    public static readonly DataField Neuron = new DataField<int>("neuron");

    // n2g_graph_nodes: one row per node.
    public static readonly DataField NodeId = new DataField<int>("node_id");
    public static readonly DataField Token = new DataField<string>("token", false);
    public static readonly DataField Depth = new DataField<int>("depth");
    public static readonly DataField Kind = new DataField<string>("kind", false);
    public static readonly DataField Importance = new DataField<double>("importance");
    public static readonly DataField IsEnd = new DataField<bool>("is_end");
    public static readonly DataField FillColor = new DataField<string>("fill_color", false);
    public static readonly ParquetSchema NodesSchema = new(Neuron, NodeId, Token, Depth, Kind, Importance, IsEnd, FillColor);

    // n2g_graph_edges: one row per edge.
    public static readonly DataField Parent = new DataField<int>("parent");
    public static readonly DataField Child = new DataField<int>("child");
    public static readonly ParquetSchema EdgesSchema = new(Neuron, Parent, Child);

    // n2g_graphs: one row per graph, the DOT text as received and its provenance.
    public static readonly DataField Dot = new DataField<string>("dot", false);
    public static readonly DataField Url = new DataField<string>("url", false);
    public static readonly DataField FetchedAt = NeuronsTable.Timestamp("fetched_at");
    public static readonly DataField Sha256 = new DataField<string>("sha256", false);
    public static readonly DataField RawBytes = new DataField<long>("raw_bytes");
    public static readonly ParquetSchema GraphsSchema = new(Neuron, Dot, Url, FetchedAt, Sha256, RawBytes);

    // n2g_stats: one row per neuron of stats.json.
    public static readonly DataField Empty = new DataField<bool>("empty");
    public static readonly DataField ExplanationScore = new DataField<double?>("explanation_score");
    public static readonly DataField Accuracy = new DataField<double?>("accuracy");
    public static readonly DataField Correlation = new DataField<double?>("correlation");
    public static readonly IReadOnlyList<string> ClassPrefixes = ["class0", "class1", "macro_avg", "weighted_avg"];
    public static readonly IReadOnlyList<string> ClassFields = ["precision", "recall", "f1", "support"];
    public static readonly IReadOnlyList<DataField> ClassColumns =
        [.. ClassPrefixes.SelectMany(p => ClassFields.Select(f => (DataField)new DataField<double?>($"{p}_{f}")))];

    public static readonly ParquetSchema StatsSchema = new([Neuron, Empty, ExplanationScore, Accuracy, Correlation, .. ClassColumns]);

    // n2g_neuron_store: one row per (token, kind, neuron) of neuron_store.json.
    public static readonly ParquetSchema StoreSchema = new(Token, Kind, Neuron);

    // n2g_similar_neurons: the top k similar neurons of each neuron.
    public static readonly DataField Rank = new DataField<int>("rank");
    public static readonly DataField OtherLayer = new DataField<int>("other_layer");
    public static readonly DataField OtherNeuron = new DataField<int>("other_neuron");
    public static readonly DataField Similarity = new DataField<double>("similarity");
    public static readonly DataField SharedTokens = new DataField<int>("shared_tokens");
    public static readonly ParquetSchema SimilarSchema = new(Neuron, Rank, OtherLayer, OtherNeuron, Similarity, SharedTokens);

    public static ParquetOptions Options(CorpusFormat format) => format.WriterOptions(
        dictionary: [Token, Kind, FillColor],
        byteStreamSplit: [],
        delta: [Neuron, NodeId, Depth, Parent, Child, Rank, OtherLayer, OtherNeuron, SharedTokens]);

    public static string KindName(GraphNodeKind kind) => kind == GraphNodeKind.Activating ? "activating" : "context";

    public static string KindName(StoreKind kind) => kind == StoreKind.Activating ? "activating" : "important";

    private static CorpusTable[] Describe()
    {
        var id = NeuroNav.Core.SourceInfo.Neuron2Graph.Id;
        var graphs = TableCompaction.Rewrite(async (scope, ct) =>
        {
            var read = await scope.Root.Neuron2Graph().ReadGraphsAsync(scope.Model, scope.Layer, ct).ConfigureAwait(false);
            if (read.Count > 0)
            {
                await GraphCorpus.WriteGraphPartsAsync(scope.Batch, scope.Name, read.Values, scope.Root.Format, ct).ConfigureAwait(false);
            }
        });
        var stats = TableCompaction.Rewrite(async (scope, ct) =>
        {
            var read = await scope.Root.Neuron2Graph().ReadStatsAsync(scope.Model, scope.Layer, ct).ConfigureAwait(false);
            if (read.Count > 0)
            {
                await GraphCorpus.WriteStatsPartAsync(scope.Batch, scope.Name, read.Values, scope.Root.Format, ct).ConfigureAwait(false);
            }
        });
        return
        [
            new(Graphs, id, 1, graphs) { Census = true },
            new(Nodes, id, 1, graphs),
            new(Edges, id, 1, graphs),
            new(Stats, id, 1, stats),
            new(Store, id, 1, TableCompaction.NewestPart()),
            new(Similar, id, 1, TableCompaction.NewestPart()),
        ];
    }
}
