namespace NeuroNav.Fetch.Gpt4;

/// <summary>A neuron as OpenAI's files name it (<c>NeuronId</c>: <c>layer_index</c>, <c>neuron_index</c>).</summary>
public readonly record struct Gpt4NeuronId(int Layer, int Neuron);

/// <summary>An explanations file (<c>NeuronSimulationResults</c>): every scored explanation of one neuron, best first as OpenAI ranks them.</summary>
public sealed record NeuronSimulationResults(Gpt4NeuronId? NeuronId, IReadOnlyList<ScoredExplanation> ScoredExplanations);

/// <summary>One explanation and how well a simulation from it matched the neuron.</summary>
public sealed record ScoredExplanation(string Explanation, ScoredSimulation ScoredSimulation);

/// <summary>The aggregate scores over all scored sequences (concatenated), and each sequence. Non-finite scores are null.</summary>
public sealed record ScoredSimulation(
    IReadOnlyList<ScoredSequenceSimulation> ScoredSequenceSimulations,
    double? EvCorrelationScore,
    double? RSquaredScore,
    double? AbsoluteDevExplainedScore);

/// <summary>One scored sequence: the simulation, the neuron's true activations and the per-sequence scores.</summary>
public sealed record ScoredSequenceSimulation(
    SequenceSimulation Simulation,
    float[] TrueActivations,
    double? EvCorrelationScore,
    double? RSquaredScore,
    double? AbsoluteDevExplainedScore);

/// <summary>
/// A simulator's output for one sequence. <see cref="ExpectedActivations"/> are on <see cref="ActivationScale"/>;
/// <see cref="DistributionValues"/>[i] may be empty. Null or non-finite activations are NaN.
/// </summary>
public sealed record SequenceSimulation(
    string[] Tokens,
    float[] ExpectedActivations,
    string? ActivationScale,
    float[][] DistributionValues,
    float[][] DistributionProbabilities,
    SequenceSimulation? UncalibratedSimulation);

/// <summary>A collated activations file (<c>NeuronRecord</c>). Null or non-finite statistics are null.</summary>
public sealed record NeuronRecord(
    Gpt4NeuronId? NeuronId,
    IReadOnlyList<ActivationRecord> RandomSample,
    IReadOnlyList<IReadOnlyList<ActivationRecord>> RandomSampleByQuantile,
    double?[] QuantileBoundaries,
    double? Mean,
    double? Variance,
    double? Skewness,
    double? Kurtosis,
    IReadOnlyList<ActivationRecord> MostPositiveActivationRecords);

/// <summary>Tokens and the neuron's activation on each (same length; null or non-finite values are NaN).</summary>
public sealed record ActivationRecord(string[] Tokens, float[] Activations);

/// <summary>Related tokens by activation (<c>TokenLookupTableSummaryOfNeuron</c>): highest average activation first.</summary>
public sealed record TokenLookupTableSummary(string[] Tokens, double?[] AverageActivations);

/// <summary>Related tokens by weight (<c>WeightBasedSummaryOfNeuron</c>).</summary>
public sealed record WeightBasedSummary(TokensAndWeights InputPositive, TokensAndWeights InputNegative, TokensAndWeights OutputPositive, TokensAndWeights OutputNegative);

/// <summary>Tokens and their connection strengths (<c>TokensAndWeights</c>).</summary>
public sealed record TokensAndWeights(string[] Tokens, double?[] Strengths);

/// <summary>A related-neurons file: upstream (<c>c_fc</c>) and downstream (<c>c_proj</c>) connections, either possibly null.</summary>
public sealed record RelatedNeurons(NeuronConnections? Upstream, NeuronConnections? Downstream);

/// <summary>The strongest connections one way, as (layer, neuron, weight) lists; negative ones may be absent (empty).</summary>
public sealed record NeuronConnections(IReadOnlyList<ConnectedNeuron> TopPositive, IReadOnlyList<ConnectedNeuron> TopNegative);

/// <summary>A neuron named <c>"L_N"</c> in a related-neurons file, with its weight (null when not finite).</summary>
public sealed record ConnectedNeuron(int Layer, int Neuron, double? Weight);

/// <summary>An OpenAI file that is not what its dataset should hold; <see cref="Exception.Message"/> names the file.</summary>
public sealed class Gpt4FormatException : Exception
{
    public Gpt4FormatException(string source, string reason)
        : base($"{source}: {reason}")
    {
        Origin = source;
        Reason = reason;
    }

    public Gpt4FormatException(string source, string reason, Exception inner)
        : base($"{source}: {reason}", inner)
    {
        Origin = source;
        Reason = reason;
    }

    /// <summary>The URL or file the bytes came from.</summary>
    public string Origin { get; }

    /// <summary>What is wrong, without the source.</summary>
    public string Reason { get; }
}
