using System.Globalization;

namespace NeuroNav.Corpus;

/// <summary>The key-value metadata every part carries in its own Parquet footer, so a copied or moved file still says where it belongs.</summary>
internal static class PartMetadata
{
    public const string Table = "neuronav.table";
    public const string Model = "neuronav.model";
    public const string Layer = "neuronav.layer";
    public const string SchemaVersion = "neuronav.schema_version";

    public static Dictionary<string, string> For(string table, string model, int layer) => new(StringComparer.Ordinal)
    {
        [Table] = table,
        [Model] = model,
        [Layer] = layer.ToString(CultureInfo.InvariantCulture),
        [SchemaVersion] = "1",
    };

    /// <summary>Where a part file's own metadata says it belongs; null when it carries none (written before part lists).</summary>
    public static (string Table, string Model, string Layer)? Of(IReadOnlyDictionary<string, string> metadata)
        => metadata.TryGetValue(Table, out var t) && metadata.TryGetValue(Model, out var m) && metadata.TryGetValue(Layer, out var l) ? (t, m, l) : null;
}
