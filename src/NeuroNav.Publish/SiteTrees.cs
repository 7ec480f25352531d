using System.Globalization;
using NeuroNav.Core;

namespace NeuroNav.Publish;

/// <summary>
/// The site as publish trees. The whole site is one tree. A partitioned rebuild (one job per model and layer range)
/// publishes each partition as its own tree, with its own manifest under <c>_partitions/</c>; a final job publishes
/// the rest (site-wide files, model indexes) and the site's <c>manifest.json</c>, merged from the partition manifests.
/// </summary>
public static class SiteTrees
{
    /// <summary>Key folders under the prefix that are not the site's: partition manifests and the corpus.</summary>
    public static readonly IReadOnlyList<string> Reserved = [PartitionsFolder + "/", CorpusTree.Folder + "/"];

    public const string PartitionsFolder = "_partitions";

    /// <summary>The whole built site in <paramref name="outputDirectory"/>.</summary>
    public static PublishTree Whole(string outputDirectory, string prefix)
    {
        var (root, files, manifest) = Read(outputDirectory);
        return new PublishTree(root, prefix, files, SiteManifest.FileName, manifest, SiteManifest.Parse, IsSitePath);
    }

    /// <summary>The files of one model's layer range: neuron documents and pages, layer indexes.</summary>
    public static PublishTree Partition(string outputDirectory, string prefix, string model, int firstLayer, int lastLayer)
    {
        var (root, files, _) = Read(outputDirectory);
        bool Owns(string path) => LayerOf(path) is { } l && l.Model == model && l.Layer >= firstLayer && l.Layer <= lastLayer;
        var mine = files.Where(f => Owns(f.Key)).ToDictionary(StringComparer.Ordinal);
        var name = string.Create(CultureInfo.InvariantCulture, $"{PartitionsFolder}/{model}/{firstLayer}-{lastLayer}.json");
        return new PublishTree(root, prefix, mine, name, SiteManifest.Serialize(mine), SiteManifest.Parse, Owns);
    }

    /// <summary>
    /// Everything outside the partitions (site-wide files, model indexes and pages), with the site manifest that lists
    /// these files and every file of the <paramref name="partitions"/> manifests stored by the partition jobs.
    /// </summary>
    public static PublishTree Indexes(string outputDirectory, string prefix, IEnumerable<IReadOnlyDictionary<string, ManifestEntry>> partitions)
    {
        var (root, files, _) = Read(outputDirectory);
        bool Owns(string path) => IsSitePath(path) && LayerOf(path) is null;
        var mine = files.Where(f => Owns(f.Key)).ToDictionary(StringComparer.Ordinal);
        var all = new Dictionary<string, ManifestEntry>(mine, StringComparer.Ordinal);
        foreach (var partition in partitions)
        {
            foreach (var (path, entry) in partition)
            {
                all[path] = entry;
            }
        }

        return new PublishTree(root, prefix, mine, SiteManifest.FileName, SiteManifest.Serialize(all), SiteManifest.Parse, Owns);
    }

    /// <summary>Whether a stored path is part of the site (not a partition manifest, not the corpus).</summary>
    public static bool IsSitePath(string path) => !Reserved.Any(r => path.StartsWith(r, StringComparison.Ordinal));

    /// <summary>
    /// The model and layer of a per-layer path: <c>api/m/3/…</c>, <c>api/m/&lt;source&gt;/3/…</c> or <c>m/3/…</c>; null for
    /// site-wide and model-level paths.
    /// </summary>
    public static (string Model, int Layer)? LayerOf(string path)
    {
        var s = path.Split('/');
        if (s[0] == "api")
        {
            if (s.Length >= 4 && IsLayer(s[2], out var layer))
            {
                return (s[1], layer);
            }

            return s.Length >= 5 && IsLayer(s[3], out layer) ? (s[1], layer) : null;
        }

        return s.Length >= 3 && IsLayer(s[1], out var l) ? (s[0], l) : null;
    }

    private static bool IsLayer(string segment, out int layer) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out layer);

    private static (string Root, IReadOnlyDictionary<string, ManifestEntry> Files, byte[] Manifest) Read(string outputDirectory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var manifestFile = Path.Combine(root, SiteManifest.FileName);
        var files = SiteManifest.ReadFile(manifestFile);
        return (root, files, File.ReadAllBytes(manifestFile));
    }
}
