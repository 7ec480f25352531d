namespace NeuroNav.Core;

/// <summary>The public sources NeuroNav archives. <see cref="Id"/> is the URL segment and corpus value.</summary>
/// <param name="Models">The models the source publishes data for; null when it can have any model. Pages show a source
/// (its coverage, columns and filters) only for the models it covers.</param>
public sealed record SourceInfo(string Id, string AvailableLabel, string DocumentKey, IReadOnlyList<string>? Models = null)
{
    public static readonly SourceInfo Neuroscope = new("neuroscope", "Max Activating Dataset Example", "neuroscope");
    public static readonly SourceInfo Neuron2Graph = new("neuron2graph", "Neuron Graph", "neuron2graph");

    /// <summary>OpenAI's neuron-explainer release explains GPT-2 small and GPT-2 XL only.</summary>
    public static readonly SourceInfo Gpt4 = new("gpt4", "GPT-4 Explanation", "GPT-4", ["gpt2-small", "gpt2-xl"]);

    /// <summary>What each model's own weights say about a neuron (logit effects, input tokens, connections), computed for every model.</summary>
    public static readonly SourceInfo Weights = new("weights", "Weight Analysis", "weights");

    /// <summary>In the order the neuron document lists them in <c>available</c>.</summary>
    public static readonly IReadOnlyList<SourceInfo> All = [Neuroscope, Neuron2Graph, Gpt4, Weights];

    /// <summary>Whether the source can have data for <paramref name="model"/>.</summary>
    public bool Covers(string model) => Models is null || Models.Contains(model, StringComparer.Ordinal);
}

/// <summary>What became of one attempt to fetch one neuron from one source.</summary>
public enum CoverageStatus
{
    /// <summary>Fetched, parsed and stored in the corpus.</summary>
    Present,

    /// <summary>The source answered that it has no such page (404/410).</summary>
    MissingUpstream,

    /// <summary>The fetch failed (network, timeout, 5xx after retries); worth retrying later.</summary>
    Failed,

    /// <summary>Fetched, but the bytes are not a valid page for this neuron.</summary>
    Invalid,
}

/// <summary>One row of the coverage registry: an attempt at (model, layer, neuron, source).</summary>
public sealed record CoverageRow(
    string Model,
    int Layer,
    int Neuron,
    string Source,
    CoverageStatus Status,
    string? Reason,
    string Url,
    int? HttpStatus,
    DateTimeOffset AttemptedAt)
{
    public NeuronId Id => new(Model, Layer, Neuron);
}

/// <summary>Where a record came from: URL, fetch time, size and sha256 (lower-case hex) of the raw bytes.</summary>
public sealed record Provenance(string Url, DateTimeOffset FetchedAt, string Sha256, long Bytes);
