using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuroNav.Core;

/// <summary>
/// One file of a built site: the size and sha256 (lower-case hex) of its stored bytes, and how they are encoded
/// (<see cref="StoredEncoding"/>; null for a file stored as is).
/// </summary>
public readonly record struct ManifestEntry(long Bytes, string Sha256, string? Encoding = null);

/// <summary>A <c>manifest.json</c> whose bytes are not JSON, or not a NeuroNav manifest; readers add the file and what to do.</summary>
public sealed class ManifestFormatException : Exception
{
    public ManifestFormatException(string message) : base(message) { }

    public ManifestFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>True when the bytes are not JSON of the manifest's shape; false when they are, but not of schema <c>manifest</c> version 1.</summary>
    public bool NotJson => InnerException is JsonException;
}

/// <summary>
/// The bytes of <c>manifest.json</c> (schema <c>manifest</c>, version 1): every file of the site but itself, with its size
/// and sha256, sorted by ordinal path, no time. A precompressed file is listed under its public path with
/// <c>"encoding": "gzip"</c>, and its size and sha256 are those of the compressed bytes (what is on disk and stored). The build writes it; the builder, <c>verify</c> and <c>publish</c> read it.
/// </summary>
public static class SiteManifestFormat
{
    public const string FileName = "manifest.json";
    public const string SchemaName = "manifest";

    /// <summary>The listed files in the order written; paths are not checked here, each reader checks them its own way.</summary>
    /// <exception cref="ManifestFormatException">Not JSON of the manifest's shape, or another schema or version.</exception>
    public static IReadOnlyList<(string Path, ManifestEntry Entry)> Parse(byte[] bytes)
    {
        ManifestDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(bytes, ManifestJsonContext.Default.ManifestDocument);
        }
        catch (JsonException e)
        {
            throw new ManifestFormatException(e.Message, e);
        }

        if (doc is null || doc.Schema != SchemaName || doc.SchemaVersion != 1 || doc.Files is null)
        {
            throw new ManifestFormatException($"schema '{doc?.Schema}', version {doc?.SchemaVersion}");
        }

        return [.. doc.Files.Select(f => (f.Path, new ManifestEntry(f.Bytes, f.Sha256, f.Encoding)))];
    }

    /// <summary>The manifest bytes for <paramref name="entries"/>: sorted by ordinal path, compact.</summary>
    public static byte[] Serialize(IEnumerable<KeyValuePair<string, ManifestEntry>> entries)
    {
        var files = entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ManifestFile(e.Key, e.Value.Bytes, e.Value.Sha256, e.Value.Encoding))
            .ToList();
        return JsonSerializer.SerializeToUtf8Bytes(new ManifestDocument(SchemaName, 1, files), ManifestJsonContext.Default.ManifestDocument);
    }
}

internal sealed record ManifestDocument(string Schema, int SchemaVersion, IReadOnlyList<ManifestFile> Files);

/// <param name="Encoding">Absent for a file stored as is, so a site without precompression has the manifest it always had.</param>
internal sealed record ManifestFile(string Path, long Bytes, string Sha256, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Encoding = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ManifestDocument))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
