using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuroNav.Build.Output;

/// <summary>One file of the site: size and sha256 (lower-case hex).</summary>
internal readonly record struct ManifestEntry(long Bytes, string Sha256);

/// <summary><c>manifest.json</c>: every file of the site (itself excluded), sorted by ordinal path, no time.</summary>
internal sealed record ManifestDocument(string Schema, int SchemaVersion, IReadOnlyList<ManifestFile> Files);

internal sealed record ManifestFile(string Path, long Bytes, string Sha256);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ManifestDocument))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;

internal static class Manifest
{
    public const string SchemaName = "manifest";

    /// <summary>The entries of the manifest at <paramref name="file"/>, empty when there is none.</summary>
    public static Dictionary<string, ManifestEntry> Read(string file)
    {
        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return entries;
        }

        ManifestDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(File.ReadAllBytes(file), ManifestJsonContext.Default.ManifestDocument);
        }
        catch (JsonException e)
        {
            throw new BuildException($"{file}: the previous manifest is not valid ({e.Message}); delete it to rebuild everything", e);
        }

        if (doc is null || doc.Schema != SchemaName || doc.SchemaVersion != 1 || doc.Files is null)
        {
            throw new BuildException($"{file}: not a NeuroNav manifest (schema '{doc?.Schema}', version {doc?.SchemaVersion}); delete it to rebuild everything");
        }

        foreach (var f in doc.Files)
        {
            if (!OutputPath.IsValid(f.Path) || !entries.TryAdd(f.Path, new ManifestEntry(f.Bytes, f.Sha256)))
            {
                throw new BuildException($"{file}: invalid or repeated path '{f.Path}'; delete it to rebuild everything");
            }
        }

        return entries;
    }

    public static byte[] Serialize(IEnumerable<KeyValuePair<string, ManifestEntry>> entries)
    {
        var files = entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ManifestFile(e.Key, e.Value.Bytes, e.Value.Sha256))
            .ToList();
        return JsonSerializer.SerializeToUtf8Bytes(new ManifestDocument(SchemaName, 1, files), ManifestJsonContext.Default.ManifestDocument);
    }
}
