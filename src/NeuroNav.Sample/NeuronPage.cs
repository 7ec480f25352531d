using NeuroNav.Core;

namespace NeuroNav.Sample;

/// <summary>
/// One dataset example as Neuroscope's generator holds it before rendering: the str-tokens of the row
/// (BOS at index 0) and the neuron's float32 activation on each token.
/// </summary>
/// <param name="DataIndex">Row of the tokenised dataset, printed as "Data Index".</param>
/// <param name="Dataset">The per-text label, e.g. "Open Web Text", "C4 (Web Text)" or "Python Code".</param>
public sealed record PageText(string[] Tokens, float[] Activations, long DataIndex, string Dataset)
{
    public int Length => Tokens.Length;
}

/// <summary>The inputs of one neuron page: the model row, the neuron and its texts (Text #0 first).</summary>
/// <param name="Neuron">The neuron the header names; a hostile fixture may write it at another neuron's path.</param>
public sealed record NeuronPage(ModelInfo Model, int Layer, int Neuron, IReadOnlyList<PageText> Texts)
{
    public NeuronId Id => new(Model.Id, Layer, Neuron);
}
