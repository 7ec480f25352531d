using NeuroNav.Core;

namespace NeuroNav.Publish;

/// <summary>
/// The build's <c>manifest.json</c> (schema <c>manifest</c>, version 1): every file of the site but itself, with size and
/// sha256. Publishing reads the file the build wrote, never the build's types: the output tree is the contract.
/// </summary>
public static class SiteManifest
{
    public const string FileName = SiteManifestFormat.FileName;
    public const string SchemaName = SiteManifestFormat.SchemaName;

    /// <summary>Reads the manifest at <paramref name="file"/>.</summary>
    /// <exception cref="PublishException">Missing, unreadable or not a NeuroNav manifest.</exception>
    public static IReadOnlyDictionary<string, ManifestEntry> ReadFile(string file)
    {
        if (!File.Exists(file))
        {
            throw new PublishException($"{file}: no manifest; run 'neuronav build' first");
        }

        return Parse(File.ReadAllBytes(file), file);
    }

    /// <summary>Parses manifest bytes; <paramref name="origin"/> (a file or an object key) names them in errors.</summary>
    public static IReadOnlyDictionary<string, ManifestEntry> Parse(byte[] bytes, string origin)
    {
        IReadOnlyList<(string Path, ManifestEntry Entry)> files;
        try
        {
            files = SiteManifestFormat.Parse(bytes);
        }
        catch (ManifestFormatException e) when (e.NotJson)
        {
            throw new PublishException($"{origin}: not a valid manifest ({e.Message})", e);
        }
        catch (ManifestFormatException e)
        {
            throw new PublishException($"{origin}: not a NeuroNav manifest ({e.Message})", e);
        }

        var entries = new Dictionary<string, ManifestEntry>(files.Count, StringComparer.Ordinal);
        foreach (var (path, entry) in files)
        {
            if (!SitePath.IsValid(path) || path == FileName || entry.Bytes < 0 || entry.Sha256 is not { Length: 64 } || !StoredEncoding.IsKnown(entry.Encoding))
            {
                throw new PublishException($"{origin}: invalid entry '{path}'");
            }

            if (!entries.TryAdd(path, entry))
            {
                throw new PublishException($"{origin}: path '{path}' is listed twice");
            }
        }

        return entries;
    }

    /// <summary>The manifest bytes for <paramref name="entries"/>: sorted by ordinal path, compact, as the build writes them.</summary>
    public static byte[] Serialize(IEnumerable<KeyValuePair<string, ManifestEntry>> entries) => SiteManifestFormat.Serialize(entries);
}
