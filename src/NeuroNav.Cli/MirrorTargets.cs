using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Fetch;

namespace NeuroNav.Cli;

/// <summary>What a local mirror of neuroscope.io holds, as scrape targets: for each model and layer folder, neurons 0 to the highest page.</summary>
public static class MirrorTargets
{
    public static IReadOnlyList<ScrapeTarget> FromDirectory(string root, ModelCatalog catalog)
    {
        var targets = new List<ScrapeTarget>();
        foreach (var model in catalog.Models)
        {
            var modelDir = Path.Combine(root, model.Id);
            if (!Directory.Exists(modelDir))
            {
                continue;
            }

            foreach (var layer in NumericNames(Directory.EnumerateDirectories(modelDir)).Where(model.HasLayer))
            {
                var neurons = NumericNames(Directory.EnumerateFiles(Path.Combine(modelDir, Num(layer)), "*.html")).ToList();
                if (neurons.Count > 0)
                {
                    targets.Add(new ScrapeTarget(model.Id, layer, 0, Math.Min(neurons.Max() + 1, model.NeuronsPerLayer)));
                }
            }
        }

        return targets;
    }

    private static IEnumerable<int> NumericNames(IEnumerable<string> paths) =>
        paths.Select(p => Path.GetFileNameWithoutExtension(p))
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .Where(v => v >= 0)
            .Order();

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);
}
