namespace NeuroNav.Core;

/// <summary>The public sources NeuroNav archives. <see cref="Id"/> is the URL segment and corpus value.</summary>
public sealed record SourceInfo(string Id, string AvailableLabel, string DocumentKey)
{
    public static readonly SourceInfo Neuroscope = new("neuroscope", "Max Activating Dataset Example", "neuroscope");
    public static readonly SourceInfo Neuron2Graph = new("neuron2graph", "Neuron Graph", "neuron2graph");
    public static readonly SourceInfo Gpt4 = new("gpt4", "GPT-4 Explanation", "GPT-4");

    /// <summary>In the order the neuron document lists them in <c>available</c>.</summary>
    public static readonly IReadOnlyList<SourceInfo> All = [Neuroscope, Neuron2Graph, Gpt4];
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
