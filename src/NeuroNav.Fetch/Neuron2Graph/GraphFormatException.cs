namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>A Neuron2Graph file (DOT graph, stats.json, neuron_store.json) that cannot be read; <see cref="Reason"/> says why.</summary>
public sealed class GraphFormatException : Exception
{
    public GraphFormatException(string reason)
        : base(reason) => Reason = reason;

    public GraphFormatException(string reason, Exception inner)
        : base(reason, inner) => Reason = reason;

    /// <summary>One line for the coverage row, e.g. <c>line 7: edge to unknown node 9</c>.</summary>
    public string Reason { get; }
}
