namespace NeuroNav.Corpus;

/// <summary>
/// The tables of every source NeuroNav knows, as each source's corpus code declares them: what <see cref="CorpusRoot.Open"/>
/// registers. A new source adds its list here (or passes its tables to the <see cref="CorpusRoot"/> constructor).
/// </summary>
public static class SourceTables
{
    public static IReadOnlyList<CorpusTable> All { get; } = [.. NeuroscopeTables.All, .. Gpt4.Gpt4Tables.All, .. Neuron2Graph.GraphTables.All, .. Weights.WeightsTables.All];
}
