using NeuroNav.Core;

namespace NeuroNav.Build.Output;

/// <summary>The builder's side of <c>manifest.json</c> (<see cref="SiteManifestFormat"/>): the previous build's entries.</summary>
internal static class Manifest
{
    public const string SchemaName = SiteManifestFormat.SchemaName;

    /// <summary>The entries of the manifest at <paramref name="file"/>, empty when there is none.</summary>
    public static Dictionary<string, ManifestEntry> Read(string file)
    {
        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return entries;
        }

        IReadOnlyList<(string Path, ManifestEntry Entry)> files;
        try
        {
            files = SiteManifestFormat.Parse(File.ReadAllBytes(file));
        }
        catch (ManifestFormatException e) when (e.NotJson)
        {
            throw new BuildException($"{file}: the previous manifest is not valid ({e.Message}); delete it to rebuild everything", e);
        }
        catch (ManifestFormatException e)
        {
            throw new BuildException($"{file}: not a NeuroNav manifest ({e.Message}); delete it to rebuild everything", e);
        }

        foreach (var (path, entry) in files)
        {
            if (!OutputPath.IsValid(path) || !entries.TryAdd(path, entry))
            {
                throw new BuildException($"{file}: invalid or repeated path '{path}'; delete it to rebuild everything");
            }
        }

        return entries;
    }

    public static byte[] Serialize(IEnumerable<KeyValuePair<string, ManifestEntry>> entries) => SiteManifestFormat.Serialize(entries);
}
