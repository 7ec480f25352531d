using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuroNav.Publish;

/// <summary>One file of a published tree: its size and sha256 (lower-case hex).</summary>
public readonly record struct FileEntry(long Bytes, string Sha256);

internal sealed record ManifestDocument(string Schema, int SchemaVersion, IReadOnlyList<ManifestFile> Files);

internal sealed record ManifestFile(string Path, long Bytes, string Sha256);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ManifestDocument))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;

/// <summary>
/// The build's <c>manifest.json</c> (schema <c>manifest</c>, version 1): every file of the site but itself, with size and
/// sha256. Publishing reads the file the build wrote, never the build's types: the output tree is the contract.
/// </summary>
public static class SiteManifest
{
    public const string FileName = "manifest.json";
    public const string SchemaName = "manifest";

    /// <summary>Reads the manifest at <paramref name="file"/>.</summary>
    /// <exception cref="PublishException">Missing, unreadable or not a NeuroNav manifest.</exception>
    public static IReadOnlyDictionary<string, FileEntry> ReadFile(string file)
    {
        if (!File.Exists(file))
        {
            throw new PublishException($"{file}: no manifest; run 'neuronav build' first");
        }

        return Parse(File.ReadAllBytes(file), file);
    }

    /// <summary>Parses manifest bytes; <paramref name="origin"/> (a file or an object key) names them in errors.</summary>
    public static IReadOnlyDictionary<string, FileEntry> Parse(byte[] bytes, string origin)
    {
        ManifestDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(bytes, ManifestJsonContext.Default.ManifestDocument);
        }
        catch (JsonException e)
        {
            throw new PublishException($"{origin}: not a valid manifest ({e.Message})", e);
        }

        if (doc is null || doc.Schema != SchemaName || doc.SchemaVersion != 1 || doc.Files is null)
        {
            throw new PublishException($"{origin}: not a NeuroNav manifest (schema '{doc?.Schema}', version {doc?.SchemaVersion})");
        }

        var entries = new Dictionary<string, FileEntry>(doc.Files.Count, StringComparer.Ordinal);
        foreach (var f in doc.Files)
        {
            if (!SitePath.IsValid(f.Path) || f.Path == FileName || f.Bytes < 0 || f.Sha256 is not { Length: 64 })
            {
                throw new PublishException($"{origin}: invalid entry '{f.Path}'");
            }

            if (!entries.TryAdd(f.Path, new FileEntry(f.Bytes, f.Sha256)))
            {
                throw new PublishException($"{origin}: path '{f.Path}' is listed twice");
            }
        }

        return entries;
    }

    /// <summary>The manifest bytes for <paramref name="entries"/>: sorted by ordinal path, compact, as the build writes them.</summary>
    public static byte[] Serialize(IEnumerable<KeyValuePair<string, FileEntry>> entries)
    {
        var files = entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ManifestFile(e.Key, e.Value.Bytes, e.Value.Sha256))
            .ToList();
        return JsonSerializer.SerializeToUtf8Bytes(new ManifestDocument(SchemaName, 1, files), ManifestJsonContext.Default.ManifestDocument);
    }
}
