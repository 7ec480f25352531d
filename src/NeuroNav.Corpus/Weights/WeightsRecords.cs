using NeuroNav.Core;

namespace NeuroNav.Corpus.Weights;

/// <summary>A token of the vocabulary with its value: id, decoded text (U+FFFD for partial UTF-8 bytes) and value.</summary>
public sealed record WeightToken(int Id, string Text, float Value);

/// <summary>A connected neuron of the same model with the virtual weight between the two.</summary>
public sealed record WeightLink(int Layer, int Neuron, float Value);

/// <summary>The four token lists of a neuron, each ordered by value (strongest first).</summary>
public sealed record WeightTokens(
    IReadOnlyList<WeightToken> Promoted, IReadOnlyList<WeightToken> Suppressed, IReadOnlyList<WeightToken> InputHighest, IReadOnlyList<WeightToken> InputLowest);

/// <summary>The four connection lists of a neuron, each ordered by |value| (strongest first).</summary>
public sealed record WeightLinks(
    IReadOnlyList<WeightLink> UpstreamExciting, IReadOnlyList<WeightLink> UpstreamInhibiting, IReadOnlyList<WeightLink> DownstreamExciting, IReadOnlyList<WeightLink> DownstreamInhibiting);

/// <summary>The weight statistics of a neuron (definitions in src/NeuroNav.Weights/README.md); percentiles are within the model, 0 to 100.</summary>
public sealed record WeightStats(
    float InputNorm, float OutputNorm, float InOutCosine, float InStrength, float OutStrength, float InStrengthPercentile, float OutStrengthPercentile);

/// <summary>Everything NeuroNav keeps of what a model's weights say about one neuron: one row of <c>weights_neurons</c>.</summary>
public sealed record WeightsNeuron(NeuronId Id, WeightTokens Tokens, WeightLinks Links, WeightStats Stats);

/// <summary>One checkpoint or tokenizer file the numbers were computed from.</summary>
/// <param name="Kind"><c>weights</c> or <c>tokenizer</c>.</param>
public sealed record WeightsFile(string Kind, string Repository, string Name, string Sha256, long Bytes);

/// <summary>
/// Where a model's weight analysis comes from (<c>weights_provenance</c>, stored beside every layer it covers): the
/// repository the files landed on, the revision asked for and the commit it resolved to (null for a local copy whose
/// commit is unknown), the file layout, each file with its sha256, when it was computed and the version of the definitions.
/// </summary>
public sealed record WeightsProvenance(
    string Model, string Repository, string Revision, string? Commit, string Layout, IReadOnlyList<WeightsFile> Files, DateTimeOffset ComputedAt, int DefinitionsVersion)
{
    /// <summary>The checkpoint as <c>repository@commit</c>, or <c>@revision</c> when the commit is unknown.</summary>
    public string Checkpoint => $"{Repository}@{Commit ?? Revision}";

    /// <summary>Whether <paramref name="other"/> was computed from the same files (names and hashes) under the same definitions.</summary>
    public bool SameInputs(WeightsProvenance other) =>
        other is not null && DefinitionsVersion == other.DefinitionsVersion
        && Files.Select(f => (f.Kind, f.Name, f.Sha256)).Order().SequenceEqual(other.Files.Select(f => (f.Kind, f.Name, f.Sha256)).Order());
}
