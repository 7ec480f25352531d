using NeuroNav.Core;

namespace NeuroNav.Corpus.Gpt4;

/// <summary>The five datasets of OpenAI's neuron-explainer release; <see cref="Gpt4Datasets.Name"/> is the corpus value.</summary>
public enum Gpt4Dataset
{
    Explanations,
    CollatedActivations,
    RelatedNeurons,
    RelatedTokensByActivation,
    RelatedTokensByWeight,
}

/// <summary>Names of <see cref="Gpt4Dataset"/> as stored in the corpus and printed in JSON.</summary>
public static class Gpt4Datasets
{
    public static readonly IReadOnlyList<Gpt4Dataset> All = Enum.GetValues<Gpt4Dataset>();

    public static string Name(Gpt4Dataset dataset) => dataset switch
    {
        Gpt4Dataset.Explanations => "explanations",
        Gpt4Dataset.CollatedActivations => "collated_activations",
        Gpt4Dataset.RelatedNeurons => "related_neurons",
        Gpt4Dataset.RelatedTokensByActivation => "related_tokens_by_activation",
        Gpt4Dataset.RelatedTokensByWeight => "related_tokens_by_weight",
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "unknown dataset"),
    };

    public static Gpt4Dataset Parse(string name, string where) => Gpt4Names.Parse<Gpt4Dataset>(name, Name, where);
}

/// <summary>
/// What NeuroNav keeps of one neuron's OpenAI files. A dataset that was missing upstream is absent:
/// <see cref="Activations"/>, <see cref="RelatedNeurons"/> and <see cref="RelatedTokens"/> are null, and
/// <see cref="Explanations"/> is empty when the explanations file was missing.
/// </summary>
public sealed record Gpt4Neuron(
    NeuronId Id,
    IReadOnlyDictionary<Gpt4Dataset, Provenance> Files,
    IReadOnlyList<Gpt4Explanation> Explanations,
    Gpt4Activations? Activations,
    IReadOnlyList<Gpt4RelatedNeuron>? RelatedNeurons,
    IReadOnlyList<Gpt4RelatedToken>? RelatedTokens);

/// <summary>One scored explanation, in file order (index 0 is the one OpenAI shows), with its aggregate scores (null when not finite).</summary>
public sealed record Gpt4Explanation(
    int Index,
    string Text,
    double? EvCorrelationScore,
    double? RSquaredScore,
    double? AbsoluteDevExplainedScore,
    IReadOnlyList<Gpt4Simulation> Simulations);

/// <summary>One scored sequence: tokens, true and simulated activations (same length; NaN where the file had null) and its scores.</summary>
public sealed record Gpt4Simulation(
    int Index,
    string[] Tokens,
    float[] TrueActivations,
    float[] SimulatedActivations,
    double? EvCorrelationScore,
    double? RSquaredScore,
    double? AbsoluteDevExplainedScore);

/// <summary>Which sample of the collated activations a record belongs to.</summary>
public enum Gpt4RecordKind
{
    /// <summary><c>most_positive_activation_records</c>, top first.</summary>
    Top,

    /// <summary><c>random_sample_by_quantile[bucket]</c>; bucket 0 is the lowest quantile range.</summary>
    Quantile,

    /// <summary><c>random_sample</c>.</summary>
    Random,
}

/// <summary>The collated activations: summary statistics (null when not finite), quantile boundaries (NaN where null) and sample records.</summary>
public sealed record Gpt4Activations(
    double? Mean,
    double? Variance,
    double? Skewness,
    double? Kurtosis,
    double[] QuantileBoundaries,
    IReadOnlyList<Gpt4ActivationRecord> Records);

/// <summary>One activation record of a sample; <see cref="Bucket"/> is the quantile bucket, 0 for the other kinds.</summary>
public sealed record Gpt4ActivationRecord(Gpt4RecordKind Kind, int Bucket, int Index, string[] Tokens, float[] Activations);

/// <summary>Upstream (<c>c_fc</c>, "input") or downstream (<c>c_proj</c>, "output") connection.</summary>
public enum Gpt4Direction
{
    Input,
    Output,
}

/// <summary>A weight-based related neuron: direction, sign, rank within (direction, sign), the neuron and the weight.</summary>
public sealed record Gpt4RelatedNeuron(Gpt4Direction Direction, bool Positive, int Rank, int Layer, int Neuron, double? Weight);

/// <summary>Which related-token list a token is on.</summary>
public enum Gpt4TokenKind
{
    /// <summary>Highest average activation (activation-based).</summary>
    Activation,
    InputPositive,
    InputNegative,
    OutputPositive,
    OutputNegative,
}

/// <summary>A related token with its rank in its list and its value (average activation or weight; null when not finite).</summary>
public sealed record Gpt4RelatedToken(Gpt4TokenKind Kind, int Rank, string Token, double? Value);

/// <summary>Corpus names of the small enums.</summary>
public static class Gpt4Names
{
    public static string Kind(Gpt4RecordKind kind) => kind switch
    {
        Gpt4RecordKind.Top => "top",
        Gpt4RecordKind.Quantile => "quantile",
        Gpt4RecordKind.Random => "random",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Direction(Gpt4Direction direction) => direction == Gpt4Direction.Input ? "input" : "output";

    public static string Token(Gpt4TokenKind kind) => kind switch
    {
        Gpt4TokenKind.Activation => "activation",
        Gpt4TokenKind.InputPositive => "input_positive",
        Gpt4TokenKind.InputNegative => "input_negative",
        Gpt4TokenKind.OutputPositive => "output_positive",
        Gpt4TokenKind.OutputNegative => "output_negative",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static T Parse<T>(string value, Func<T, string> name, string where)
        where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (name(v) == value)
            {
                return v;
            }
        }

        throw new CorpusException($"{where}: unknown {typeof(T).Name} '{value}'");
    }
}
