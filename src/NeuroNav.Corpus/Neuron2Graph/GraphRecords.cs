using NeuroNav.Core;

namespace NeuroNav.Corpus.Neuron2Graph;

/// <summary>Whether a graph node is a token the neuron fires on (depth 0, drawn red) or a context token before it (blue).</summary>
public enum GraphNodeKind
{
    Activating,
    Context,
}

/// <summary>
/// One node of a Neuron2Graph graph. <see cref="Token"/> is N2G's normalised token, decoded from the DOT label.
/// <see cref="Depth"/> is 0 for activating tokens and 1, 2, ... for context tokens further back.
/// <see cref="Importance"/> is <c>1 - green/255</c> of the fill colour: N2G's threshold-adjusted activation (red nodes)
/// or importance (blue nodes), clamped to 0..1, so lossy. <see cref="IsEnd"/> marks the earliest token of a pattern (pen width 7).
/// </summary>
public sealed record GraphNode(int Id, string Token, int Depth, GraphNodeKind Kind, double Importance, bool IsEnd, string FillColor);

/// <summary>An edge from <see cref="Parent"/> (nearer the activating token) to <see cref="Child"/> (the earlier context token).</summary>
public sealed record GraphEdge(int Parent, int Child);

/// <summary>A neuron's graph: typed nodes and edges, the DOT text as received, and where it came from.</summary>
public sealed record NeuronGraph(NeuronId Id, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, string Dot, Provenance Provenance);

/// <summary>One class row (or average) of sklearn's classification report; any field may be absent or NaN.</summary>
public sealed record ClassStats(double? Precision, double? Recall, double? F1, double? Support);

/// <summary>
/// A neuron's entry of N2G's <c>stats.json</c>. <see cref="Firing"/> is class <c>"1"</c> (absent when neither truth nor
/// prediction fired), <see cref="Quiet"/> class <c>"0"</c>. <see cref="Correlation"/> may be NaN or -Infinity.
/// <see cref="Empty"/> is true for <c>{}</c> (the evaluation threw).
/// </summary>
public sealed record GraphStats(
    NeuronId Id, ClassStats? Quiet, ClassStats? Firing, double? Accuracy, ClassStats? MacroAvg, ClassStats? WeightedAvg, double? Correlation, bool Empty)
{
    /// <summary>
    /// NeuroNav's explanation score: the F1 score of class "1" (the tokens on which the neuron fires). Accuracy and the
    /// weighted average are dominated by the quiet class (thousands of tokens against a handful), and the macro average
    /// mixes it in; F1 of the firing class is what N2G's own summary statistics report. Null when there is no class "1",
    /// the evaluation failed, or the value is not finite.
    /// </summary>
    public double? ExplanationScore => Firing?.F1 is { } f1 && double.IsFinite(f1) ? f1 : null;
}

/// <summary>Which list of <c>neuron_store.json</c> a token/neuron pair is in.</summary>
public enum StoreKind
{
    Activating,
    Important,
}

/// <summary>One pair of <c>neuron_store.json</c>: the neuron is under <see cref="Token"/> in the <see cref="Kind"/> list.</summary>
public sealed record StoreEntry(string Token, StoreKind Kind, int Layer, int Neuron);

/// <summary>A neuron (<see cref="OtherLayer"/>, <see cref="OtherNeuron"/>) similar to <see cref="Neuron"/> of this layer, ranked 1 (most similar) upward; see <see cref="SimilarNeurons"/>.</summary>
public sealed record SimilarNeuron(int Neuron, int Rank, int OtherLayer, int OtherNeuron, double Similarity, int SharedTokens);
