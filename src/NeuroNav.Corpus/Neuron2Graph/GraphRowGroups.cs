using NeuroNav.Core;
using Parquet;
using static NeuroNav.Corpus.Neuron2Graph.GraphTables;

namespace NeuroNav.Corpus.Neuron2Graph;

/// <summary>Writes one row group of each Neuron2Graph table.</summary>
internal static class GraphRowGroups
{
    public static async Task WriteNodesAsync(ParquetWriter writer, IReadOnlyList<NeuronGraph> graphs, CancellationToken ct)
    {
        var rows = graphs.SelectMany(g => g.Nodes.Select(n => (g.Id.Neuron, Node: n))).ToList();
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(NodeId, rows.Select(r => r.Node.Id).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(Token, rows.Select(r => r.Node.Token).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<int>(Depth, rows.Select(r => r.Node.Depth).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(Kind, rows.Select(r => KindName(r.Node.Kind)).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<double>(Importance, rows.Select(r => r.Node.Importance).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<bool>(IsEnd, rows.Select(r => r.Node.IsEnd).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(FillColor, rows.Select(r => r.Node.FillColor).ToArray()).ConfigureAwait(false);
    }

    public static async Task WriteEdgesAsync(ParquetWriter writer, IReadOnlyList<NeuronGraph> graphs, CancellationToken ct)
    {
        var rows = graphs.SelectMany(g => g.Edges.Select(e => (g.Id.Neuron, Edge: e))).ToList();
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(Parent, rows.Select(r => r.Edge.Parent).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(Child, rows.Select(r => r.Edge.Child).ToArray(), null, null, ct).ConfigureAwait(false);
    }

    public static async Task WriteGraphsAsync(ParquetWriter writer, IReadOnlyList<NeuronGraph> graphs, CancellationToken ct)
    {
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, graphs.Select(g => g.Id.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(Dot, graphs.Select(g => g.Dot).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync(Url, graphs.Select(g => g.Provenance.Url).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<DateTime>(FetchedAt, graphs.Select(g => g.Provenance.FetchedAt.UtcDateTime).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(Sha256, graphs.Select(g => g.Provenance.Sha256).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<long>(RawBytes, graphs.Select(g => g.Provenance.Bytes).ToArray(), null, null, ct).ConfigureAwait(false);
    }

    public static async Task WriteStatsAsync(ParquetWriter writer, IReadOnlyList<GraphStats> stats, CancellationToken ct)
    {
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, stats.Select(s => s.Id.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<bool>(Empty, stats.Select(s => s.Empty).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(ExplanationScore, stats.Select(s => s.ExplanationScore).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(Accuracy, stats.Select(s => s.Accuracy).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(Correlation, stats.Select(s => s.Correlation).ToArray(), null, null, ct).ConfigureAwait(false);
        for (var c = 0; c < ClassPrefixes.Count; c++)
        {
            for (var f = 0; f < ClassFields.Count; f++)
            {
                var (cc, ff) = (c, f);
                var values = stats.Select(s => Field(Class(s, cc), ff)).ToArray();
                await rg.WriteAsync<double>(ClassColumns[(c * ClassFields.Count) + f], values, null, null, ct).ConfigureAwait(false);
            }
        }
    }

    public static async Task WriteStoreAsync(ParquetWriter writer, IReadOnlyList<StoreEntry> entries, CancellationToken ct)
    {
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync(Token, entries.Select(e => e.Token).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync(Kind, entries.Select(e => KindName(e.Kind)).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<int>(Neuron, entries.Select(e => e.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
    }

    public static async Task WriteSimilarAsync(ParquetWriter writer, IReadOnlyList<SimilarNeuron> similar, CancellationToken ct)
    {
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, similar.Select(s => s.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(Rank, similar.Select(s => s.Rank).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(OtherLayer, similar.Select(s => s.OtherLayer).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(OtherNeuron, similar.Select(s => s.OtherNeuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(Similarity, similar.Select(s => s.Similarity).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(SharedTokens, similar.Select(s => s.SharedTokens).ToArray(), null, null, ct).ConfigureAwait(false);
    }

    public static ClassStats? Class(GraphStats s, int index) => index switch
    {
        0 => s.Quiet,
        1 => s.Firing,
        2 => s.MacroAvg,
        _ => s.WeightedAvg,
    };

    private static double? Field(ClassStats? c, int index) => c is null ? null : index switch
    {
        0 => c.Precision,
        1 => c.Recall,
        2 => c.F1,
        _ => c.Support,
    };

    public static ClassStats? ClassOf(double?[][] columns, int classIndex, int row)
    {
        var values = Enumerable.Range(0, ClassFields.Count).Select(f => columns[(classIndex * ClassFields.Count) + f][row]).ToArray();
        return values.All(v => v is null) ? null : new ClassStats(values[0], values[1], values[2], values[3]);
    }

    public static Provenance ProvenanceOf(string url, DateTime fetchedAt, string sha256, long bytes) =>
        new(url, NeuronsTable.Utc(fetchedAt), sha256, bytes);
}
