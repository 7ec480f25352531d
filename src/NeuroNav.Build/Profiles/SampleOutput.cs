using System.Globalization;
using NeuroNav.Build.Output;
using NeuroNav.Core;

namespace NeuroNav.Build.Profiles;

/// <summary>Files and bytes of a measuring build, grouped by what they belong to: a layer's neurons, a layer index, a model, the site.</summary>
internal sealed class SampleOutput
{
    private readonly Dictionary<string, ManifestEntry> _files;

    private readonly IReadOnlySet<string> _modelIds;

    private SampleOutput(Dictionary<string, ManifestEntry> files, long manifestBytes, int rootEntries, IReadOnlySet<string> modelIds)
    {
        _files = files;
        _modelIds = modelIds;
        ManifestBytes = manifestBytes;
        RootEntries = rootEntries;
    }

    public IReadOnlyDictionary<string, ManifestEntry> Files => _files;

    public long ManifestBytes { get; }

    public int RootEntries { get; }

    /// <param name="models">The models the build was asked for: their model-level files are not site-wide.</param>
    public static SampleOutput Read(string output, IEnumerable<string> models)
    {
        var manifest = Path.Combine(output, OutputPath.Manifest);
        return new SampleOutput(
            Manifest.Read(manifest), new FileInfo(manifest).Length, Directory.EnumerateFileSystemEntries(output).Count(), models.ToHashSet(StringComparer.Ordinal));
    }

    public (long Files, long Bytes) Neurons((string Model, int Layer) layer) => Sum(p => Classify(p) is (var m, var l, false) && m == layer.Model && l == layer.Layer);

    public (long Files, long Bytes) LayerIndex((string Model, int Layer) layer) => Sum(p => Classify(p) is (var m, var l, true) && m == layer.Model && l == layer.Layer);

    /// <summary>The layer's index of one kind: <c>.json</c> (every neuron's row) or <c>.html</c> (the first rows only).</summary>
    public (long Files, long Bytes) LayerIndex((string Model, int Layer) layer, string extension) =>
        Sum(p => Classify(p) is (var m, var l, true) && m == layer.Model && l == layer.Layer && p.EndsWith(extension, StringComparison.Ordinal));

    public (long Files, long Bytes) ModelLevel(string model) => Sum(p => Classify(p) is null && ModelOf(p) == model);

    public (long Files, long Bytes) SiteWide() => Sum(p => Classify(p) is null && !_modelIds.Contains(ModelOf(p) ?? ""));

    private (long Files, long Bytes) Sum(Func<string, bool> which)
    {
        long files = 0, bytes = 0;
        foreach (var (path, entry) in _files)
        {
            if (which(path))
            {
                files++;
                bytes += entry.Bytes;
            }
        }

        return (files, bytes);
    }

    /// <summary>Model, layer and whether it is the layer's index, for per-layer paths; null for model-level and site-wide paths.</summary>
    private static (string Model, int Layer, bool Index)? Classify(string path)
    {
        var s = path.Split('/');
        var index = s[^1].StartsWith("index.", StringComparison.Ordinal);
        if (s[0] == "api")
        {
            if (s.Length == 4 && IsInt(s[2], out var layer))
            {
                return (s[1], layer, index);
            }

            return s.Length == 5 && IsInt(s[3], out layer) ? (s[1], layer, false) : null;
        }

        return s.Length == 3 && IsInt(s[1], out var l) ? (s[0], l, index) : null;
    }

    private static string? ModelOf(string path)
    {
        var s = path.Split('/');
        return s[0] == "api" ? (s.Length == 3 ? s[1] : null) : (s.Length == 2 ? s[0] : null);
    }

    private static bool IsInt(string s, out int value) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
