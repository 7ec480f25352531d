using NeuroNav.Core;
using static NeuroNav.Corpus.Neuron2Graph.GraphTables;

namespace NeuroNav.Corpus.Neuron2Graph;

/// <summary>Reads the Neuron2Graph part files of one partition back into records.</summary>
internal static class GraphPartReader
{
    public static async Task<List<(int Neuron, GraphNode Node)>> NodesAsync(string path, StringPool pool, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var rows = new List<(int, GraphNode)>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            rows.AddRange(await file.ReadRowGroupAsync(g, async rg =>
            {
                var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
                var id = await Columns.RequiredAsync<int>(rg, file.Column(NodeId.Name), ct).ConfigureAwait(false);
                var token = await Columns.StringsAsync(rg, file.Column(Token.Name), pool, ct).ConfigureAwait(false);
                var depth = await Columns.RequiredAsync<int>(rg, file.Column(Depth.Name), ct).ConfigureAwait(false);
                var kind = await Columns.StringsAsync(rg, file.Column(Kind.Name), pool, ct).ConfigureAwait(false);
                var importance = await Columns.RequiredAsync<double>(rg, file.Column(Importance.Name), ct).ConfigureAwait(false);
                var isEnd = await Columns.RequiredAsync<bool>(rg, file.Column(IsEnd.Name), ct).ConfigureAwait(false);
                var fill = await Columns.StringsAsync(rg, file.Column(FillColor.Name), pool, ct).ConfigureAwait(false);
                return Enumerable.Range(0, neuron.Length).Select(i => (neuron[i], new GraphNode(
                    id[i], token[i], depth[i], kind[i] == "activating" ? GraphNodeKind.Activating : GraphNodeKind.Context, importance[i], isEnd[i], fill[i]))).ToList();
            }).ConfigureAwait(false));
        }

        return rows;
    }

    public static async Task<List<(int Neuron, GraphEdge Edge)>> EdgesAsync(string path, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var rows = new List<(int, GraphEdge)>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            rows.AddRange(await file.ReadRowGroupAsync(g, async rg =>
            {
                var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
                var parent = await Columns.RequiredAsync<int>(rg, file.Column(Parent.Name), ct).ConfigureAwait(false);
                var child = await Columns.RequiredAsync<int>(rg, file.Column(Child.Name), ct).ConfigureAwait(false);
                return Enumerable.Range(0, neuron.Length).Select(i => (neuron[i], new GraphEdge(parent[i], child[i]))).ToList();
            }).ConfigureAwait(false));
        }

        return rows;
    }

    public static async Task<List<(int Neuron, string Dot, Provenance Provenance)>> GraphsAsync(string path, StringPool pool, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var rows = new List<(int, string, Provenance)>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            rows.AddRange(await file.ReadRowGroupAsync(g, async rg =>
            {
                var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
                var dot = (await Columns.RequiredAsync<ReadOnlyMemory<char>>(rg, file.Column(Dot.Name), ct).ConfigureAwait(false)).Select(m => m.ToString()).ToArray();
                var url = await Columns.StringsAsync(rg, file.Column(Url.Name), pool, ct).ConfigureAwait(false);
                var at = await Columns.RequiredAsync<DateTime>(rg, file.Column(FetchedAt.Name), ct).ConfigureAwait(false);
                var sha = await Columns.StringsAsync(rg, file.Column(Sha256.Name), pool, ct).ConfigureAwait(false);
                var bytes = await Columns.RequiredAsync<long>(rg, file.Column(RawBytes.Name), ct).ConfigureAwait(false);
                return Enumerable.Range(0, neuron.Length).Select(i => (neuron[i], dot[i], GraphRowGroups.ProvenanceOf(url[i], at[i], sha[i], bytes[i]))).ToList();
            }).ConfigureAwait(false));
        }

        return rows;
    }

    public static async Task<List<GraphStats>> StatsAsync(string path, string model, int layer, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var rows = new List<GraphStats>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            rows.AddRange(await file.ReadRowGroupAsync(g, async rg =>
            {
                var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
                var empty = await Columns.RequiredAsync<bool>(rg, file.Column(Empty.Name), ct).ConfigureAwait(false);
                var accuracy = await Columns.NullableAsync<double>(rg, file.Column(Accuracy.Name), ct).ConfigureAwait(false);
                var correlation = await Columns.NullableAsync<double>(rg, file.Column(Correlation.Name), ct).ConfigureAwait(false);
                var classes = new double?[ClassColumns.Count][];
                for (var c = 0; c < classes.Length; c++)
                {
                    classes[c] = await Columns.NullableAsync<double>(rg, file.Column(ClassColumns[c].Name), ct).ConfigureAwait(false);
                }

                return Enumerable.Range(0, neuron.Length).Select(i => new GraphStats(
                    new NeuronId(model, layer, neuron[i]),
                    GraphRowGroups.ClassOf(classes, 0, i),
                    GraphRowGroups.ClassOf(classes, 1, i),
                    accuracy[i],
                    GraphRowGroups.ClassOf(classes, 2, i),
                    GraphRowGroups.ClassOf(classes, 3, i),
                    correlation[i],
                    empty[i])).ToList();
            }).ConfigureAwait(false));
        }

        return rows;
    }

    public static async Task<List<StoreEntry>> StoreAsync(string path, int layer, StringPool pool, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var rows = new List<StoreEntry>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            rows.AddRange(await file.ReadRowGroupAsync(g, async rg =>
            {
                var token = await Columns.StringsAsync(rg, file.Column(Token.Name), pool, ct).ConfigureAwait(false);
                var kind = await Columns.StringsAsync(rg, file.Column(Kind.Name), pool, ct).ConfigureAwait(false);
                var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
                return Enumerable.Range(0, neuron.Length).Select(i => new StoreEntry(
                    token[i], kind[i] == "activating" ? StoreKind.Activating : StoreKind.Important, layer, neuron[i])).ToList();
            }).ConfigureAwait(false));
        }

        return rows;
    }

    public static async Task<List<SimilarNeuron>> SimilarAsync(string path, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var rows = new List<SimilarNeuron>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            rows.AddRange(await file.ReadRowGroupAsync(g, async rg =>
            {
                var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
                var rank = await Columns.RequiredAsync<int>(rg, file.Column(Rank.Name), ct).ConfigureAwait(false);
                var otherLayer = await Columns.RequiredAsync<int>(rg, file.Column(OtherLayer.Name), ct).ConfigureAwait(false);
                var otherNeuron = await Columns.RequiredAsync<int>(rg, file.Column(OtherNeuron.Name), ct).ConfigureAwait(false);
                var similarity = await Columns.RequiredAsync<double>(rg, file.Column(Similarity.Name), ct).ConfigureAwait(false);
                var shared = await Columns.RequiredAsync<int>(rg, file.Column(SharedTokens.Name), ct).ConfigureAwait(false);
                return Enumerable.Range(0, neuron.Length).Select(i => new SimilarNeuron(
                    neuron[i], rank[i], otherLayer[i], otherNeuron[i], similarity[i], shared[i])).ToList();
            }).ConfigureAwait(false));
        }

        return rows;
    }
}
