namespace NeuroNav.Weights.Compute;

public sealed record TokenValue(int Token, float Value);

public sealed record NeuronLink(int Layer, int Neuron, float Value);

/// <summary>Everything the weights say about one neuron (definitions in the project's README).</summary>
public sealed record NeuronWeights(
    int Layer,
    int Neuron,
    IReadOnlyList<TokenValue> Promoted,
    IReadOnlyList<TokenValue> Suppressed,
    IReadOnlyList<TokenValue> InputHighest,
    IReadOnlyList<TokenValue> InputLowest,
    IReadOnlyList<NeuronLink> UpstreamExciting,
    IReadOnlyList<NeuronLink> UpstreamInhibiting,
    IReadOnlyList<NeuronLink> DownstreamExciting,
    IReadOnlyList<NeuronLink> DownstreamInhibiting,
    float InputNorm,
    float OutputNorm,
    float InOutCosine,
    float InStrength,
    float OutStrength,
    float InStrengthPercentile,
    float OutStrengthPercentile);
