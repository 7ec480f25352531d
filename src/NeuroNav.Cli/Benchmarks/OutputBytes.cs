using System.Globalization;
using NeuroNav.Core;

namespace NeuroNav.Cli.Benchmarks;

/// <summary>
/// The bytes per neuron of a built site, by kind of file, from its manifest: what the build wrote, and what a publish
/// stores (the same files: a precompressed file is stored as its compressed bytes).
/// </summary>
internal static class OutputBytes
{
    public static IEnumerable<(string Measure, string Value, string Detail)> PerNeuron(string output, long neurons, bool precompressed)
    {
        var files = SiteManifestFormat.Parse(File.ReadAllBytes(Path.Combine(output, SiteManifestFormat.FileName)));
        var kinds = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (path, entry) in files)
        {
            var kind = KindOf(path);
            kinds[kind] = kinds.GetValueOrDefault(kind) + entry.Bytes;
        }

        var total = kinds.Values.Sum();
        var n = Math.Max(1, neurons);
        var detail = string.Join(", ", kinds.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value / 1e3 / n:F1} KB")));
        var how = precompressed ? "the 'full' profile: each layer's files gzip-compressed" : "plain files (--plain)";
        yield return ("bytes per neuron written and stored", string.Create(CultureInfo.InvariantCulture, $"{total / 1e3 / n:F1} KB"), $"{how}; {detail}");
    }

    private static string KindOf(string path)
    {
        var s = path.Split('/');
        return s switch
        {
            ["api", _, _, var f] when !f.StartsWith("index.", StringComparison.Ordinal) => "combined document",
            ["api", _, var source, _, _] => source + " document",
            [_, _, var f] when f.EndsWith(".html", StringComparison.Ordinal) && !f.StartsWith("index.", StringComparison.Ordinal) => "page",
            _ => "other",
        };
    }
}
