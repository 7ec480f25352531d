using System.Text.Json.Serialization;

namespace NeuroNav.Build.Api;

// The index documents of the JSON API (contract: api/index.json, api/<model>/index.json, api/<model>/<layer>/index.json).
// Property order is the JSON key order: "schema" and "schema_version" come first.

internal sealed record SourceDoc(string Id, string Label, string Url);

internal sealed record ModelMetadataDoc(
    string Id, string ActivationFunction, string Dataset, int Layers, int NeuronsPerLayer, long TotalNeurons, long Parameters);

internal sealed record CoverageDoc(long Expected, long Present, long MissingUpstream, long Failed, long Invalid, long NotAttempted);

/// <summary>Coverage per source of the build, keyed by the source's id: Neuroscope, then the others in document order.</summary>
[JsonConverter(typeof(CoverageMapConverter))]
internal sealed record CoverageMapDoc(IReadOnlyList<(string Source, CoverageDoc Counts)> Sources);

internal sealed record LinksDoc(string Api, string Html);

/// <summary>
/// A neuron's row in the listings; <see cref="Rank"/> is its place in the layer under the default interest ranking
/// (1 = first). <see cref="Columns"/> are the sources' listing columns, written after the statistics, each under its key.
/// </summary>
[JsonConverter(typeof(NeuronSummaryConverter))]
internal sealed record NeuronSummaryDoc(
    int Neuron,
    int Rank,
    IReadOnlyList<string> Available,
    float? MaxActivation,
    double? MaxRange,
    float? TopExampleRange,
    float? Variance,
    float? Skewness,
    float? ExcessKurtosis,
    float? FractionPositive,
    string? TopToken,
    float? TopTokenShare,
    IReadOnlyList<Sources.ColumnCell> Columns);

internal sealed record SiteModelDoc(
    string Id,
    string ActivationFunction,
    string Dataset,
    int Layers,
    int NeuronsPerLayer,
    long TotalNeurons,
    long Parameters,
    CoverageMapDoc Coverage,
    IReadOnlyList<int> LayersWithData,
    LinksDoc Links);

internal sealed record SiteIndexDoc(string Schema, int SchemaVersion, string Generator, IReadOnlyList<SourceDoc> Sources, IReadOnlyList<SiteModelDoc> Models);

internal sealed record ModelLayerDoc(int Layer, CoverageMapDoc Coverage, LinksDoc Links, IReadOnlyList<NeuronSummaryDoc> Top);

internal sealed record ModelIndexDoc(string Schema, int SchemaVersion, ModelMetadataDoc Model, CoverageMapDoc Coverage, IReadOnlyList<ModelLayerDoc> Layers);

internal sealed record LayerIndexDoc(
    string Schema,
    int SchemaVersion,
    string Model,
    int Layer,
    int NeuronsPerLayer,
    CoverageMapDoc Coverage,
    IReadOnlyList<NeuronSummaryDoc> Top,
    IReadOnlyList<NeuronSummaryDoc> Neurons);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SiteIndexDoc))]
[JsonSerializable(typeof(ModelIndexDoc))]
[JsonSerializable(typeof(LayerIndexDoc))]
[JsonSerializable(typeof(ModelMetadataDoc))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
