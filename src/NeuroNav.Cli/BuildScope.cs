using System.Globalization;
using NeuroNav.Build;

namespace NeuroNav.Cli;

/// <summary>Refuses a build or plan that would produce nothing for what was asked, saying what the corpus holds.</summary>
public static class BuildScope
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> when the corpus at <paramref name="root"/> (its <paramref name="partitions"/>)
    /// has no neuron for <paramref name="options"/>: an empty corpus, a model asked for by <paramref name="asked"/> that it
    /// does not hold, or a layer range that none of the models has.
    /// </summary>
    public static void Check(string root, IReadOnlyList<(string Model, int Layer)> partitions, BuildOptions options, IReadOnlyCollection<string> asked)
    {
        if (partitions.Count == 0)
        {
            throw new ArgumentException($"--corpus: {root} holds no data; fetch some first, e.g. 'neuronav scrape --model solu-1l'");
        }

        var held = partitions.GroupBy(p => p.Model, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Layer).ToList(), StringComparer.Ordinal);
        foreach (var model in asked.Where(m => !held.ContainsKey(m)))
        {
            throw new ArgumentException($"--model {model}: the corpus at {root} holds no {model} (it holds {Holdings(held)}); fetch it first with 'neuronav scrape --model {model}'");
        }

        var models = options.Models.Count > 0 ? options.Models.Where(held.ContainsKey).ToList() : [.. held.Keys];
        if (models.Count == 0)
        {
            throw new ArgumentException($"the corpus at {root} holds none of {string.Join(", ", options.Models)} (it holds {Holdings(held)}); give --model");
        }

        if (options.FirstLayer is int first && first != int.MaxValue && !models.Any(m => held[m].Any(options.IncludesLayer)))
        {
            var range = string.Create(CultureInfo.InvariantCulture, $"{first}-{options.LastLayer}");
            throw new ArgumentException($"--layers {range}: the corpus holds no such layer of {string.Join(", ", models)} (it holds {Holdings(held)}); give --model and a range it holds");
        }
    }

    private static string Holdings(Dictionary<string, List<int>> held) =>
        string.Join(", ", held.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Value.Min() == h.Value.Max()
            ? $"{h.Key} layer {h.Value[0].ToString(CultureInfo.InvariantCulture)}"
            : $"{h.Key} layers {h.Value.Min().ToString(CultureInfo.InvariantCulture)}-{h.Value.Max().ToString(CultureInfo.InvariantCulture)}"));
}
