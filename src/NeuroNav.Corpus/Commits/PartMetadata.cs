using System.Globalization;

namespace NeuroNav.Corpus;

/// <summary>
/// The key-value metadata every part carries in its own Parquet footer, so a copied or moved file still says where it
/// belongs and which schema version of its table it holds (DuckDB: <c>parquet_kv_metadata('file')</c>).
/// </summary>
public static class PartMetadata
{
    public const string Table = "neuronav.table";
    public const string Model = "neuronav.model";
    public const string Layer = "neuronav.layer";

    /// <summary>The table's schema version (<see cref="CorpusTable.SchemaVersion"/>); a part without it is version 1.</summary>
    public const string SchemaVersion = "neuronav.schema_version";

    internal static Dictionary<string, string> For(CorpusTable table, string model, int layer) => new(StringComparer.Ordinal)
    {
        [Table] = table.Name,
        [Model] = model,
        [Layer] = layer.ToString(CultureInfo.InvariantCulture),
        [SchemaVersion] = table.SchemaVersion.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Where a part file's own metadata says it belongs; null when it carries none (written before part lists).</summary>
    internal static (string Table, string Model, string Layer)? Of(IReadOnlyDictionary<string, string> metadata)
        => metadata.TryGetValue(Table, out var t) && metadata.TryGetValue(Model, out var m) && metadata.TryGetValue(Layer, out var l) ? (t, m, l) : null;

    /// <summary>The schema version a part's metadata states; 1 when it states none (parts adopted from before part lists).</summary>
    internal static int SchemaVersionOf(IReadOnlyDictionary<string, string> metadata)
        => metadata.TryGetValue(SchemaVersion, out var v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;
}
