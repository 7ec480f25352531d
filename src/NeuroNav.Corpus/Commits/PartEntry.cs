using System.Text.Json.Serialization;

namespace NeuroNav.Corpus;

/// <summary>
/// One committed part of the corpus, as its layer's part list records it.
/// </summary>
/// <param name="Table">The table (<c>neuroscope_texts</c>, <c>gpt4_files</c>, ...).</param>
/// <param name="Path">Relative to the corpus root, with '/': <c>{table}/{partition}/part-….parquet</c> (<see cref="PartitionPath.Relative"/>).</param>
/// <param name="Rows">Rows in the file (its Parquet footer's count).</param>
/// <param name="Bytes">Size of the file.</param>
/// <param name="Sha256">Lower-case hex sha256 of the file's bytes.</param>
/// <param name="Adopted">Listed by the one-time adoption of a corpus written before part lists existed: the file carries no
/// <c>neuronav.*</c> metadata of its own, so only its folder says where it belongs (compaction rewrites it with metadata).</param>
public sealed record PartEntry(
    string Table,
    string Path,
    string Model,
    int Layer,
    long Rows,
    long Bytes,
    string Sha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Adopted = false)
{
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}

/// <summary>The part list of one (model, layer): every committed part of every table, replaced whole on each commit.</summary>
/// <param name="Commit">How many commits this layer has had (1 for the first); says which list a message refers to.</param>
internal sealed record PartListDocument(string Format, int Version, string Model, int Layer, long Commit, IReadOnlyList<PartEntry> Parts)
{
    public const string FormatName = "neuronav-corpus-parts";
    public const int CurrentVersion = 1;

    public static PartListDocument Empty(string model, int layer) => new(FormatName, CurrentVersion, model, layer, 0, []);
}

/// <summary>The marker of a corpus whose parts are listed (written by the first commit, or last by an adoption).</summary>
internal sealed record CorpusMarker(string Format, int Version);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(PartListDocument))]
[JsonSerializable(typeof(CorpusMarker))]
internal sealed partial class PartListJsonContext : JsonSerializerContext;
