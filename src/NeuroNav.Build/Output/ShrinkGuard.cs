using System.Globalization;
using NeuroNav.Build.Profiles;
using NeuroNav.Corpus;

namespace NeuroNav.Build.Output;

/// <summary>
/// A build never silently shrinks a site: before anything is written, the neuron documents of the existing site
/// (its <c>manifest.json</c>) in the models and layers this build answers for are compared with the neurons the corpus
/// holds. When a model would lose more than <see cref="BuildOptions.MaxShrink"/> of its neuron documents (removed, or
/// left behind by a site index that no longer counts them), the build stops naming how many and which model, unless
/// <see cref="BuildOptions.AllowShrink"/>. The typical cause is an empty, wrong or damaged <c>--corpus</c>.
/// Cost: the manifest is read once (it is read anyway) and the <c>neuron</c> column of each layer's parts that the
/// site has documents for: a few bytes per neuron, milliseconds per layer.
/// </summary>
internal static class ShrinkGuard
{
    /// <summary>Checks the committed parts of the models to build (a damaged part stops the build before it writes), then the shrink.</summary>
    public static async Task CheckAsync(ICorpusReader corpus, BuildOptions options, IEnumerable<string> models, CancellationToken ct)
    {
        if (corpus.OnDisk is { } root)
        {
            foreach (var model in models)
            {
                await root.CheckModelAsync(model, ct).ConfigureAwait(false);
            }
        }

        if (options.AllowShrink)
        {
            return;
        }

        var existing = Manifest.Read(Path.Combine(options.OutputDirectory, OutputPath.Manifest)).Keys
            .Select(NeuronDocument)
            .OfType<(string Model, int Layer, int Neuron)>()
            .Where(d => options.IncludesLayer(d.Layer) && (options.Models.Count == 0 || options.Models.Contains(d.Model)))
            .GroupBy(d => d.Model)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var model in existing)
        {
            var lost = 0L;
            foreach (var layer in model.GroupBy(d => d.Layer))
            {
                var held = await HeldAsync(corpus, model.Key, layer.Key, ct).ConfigureAwait(false);
                lost += layer.Count(d => !held.Contains(d.Neuron));
            }

            var total = model.LongCount();
            if (lost > Math.Floor(options.MaxShrink * total))
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{lost:N0} of its {total:N0} neuron documents of {model.Key} ({100.0 * lost / total:0.#}%)"));
            }
        }

        if (lines.Count > 0)
        {
            throw new BuildException(string.Create(CultureInfo.InvariantCulture,
                $"this build would remove {string.Join("; ", lines)} from the site in {options.OutputDirectory}, more than the {options.MaxShrink:0.##%} allowed: the corpus does not hold those neurons (an empty, wrong or damaged --corpus?). Nothing was written; build with --allow-shrink if the site is meant to shrink"));
        }
    }

    private static async Task<IReadOnlySet<int>> HeldAsync(ICorpusReader corpus, string model, int layer, CancellationToken ct)
    {
        switch (corpus)
        {
            case { OnDisk: { } root }:
                return (await root.HeldAsync(model, layer, ct).ConfigureAwait(false)).All;
            default:
                var ids = new HashSet<int>();
                if (corpus.Partitions().Contains((model, layer)))
                {
                    await foreach (var neuron in corpus.ReadLayerAsync(model, layer, ct).ConfigureAwait(false))
                    {
                        ids.Add(neuron.Id.Neuron);
                    }
                }

                return ids;
        }
    }

    /// <summary><c>api/{model}/{layer}/{neuron}.json</c> as its parts; null for any other path.</summary>
    internal static (string Model, int Layer, int Neuron)? NeuronDocument(string path)
    {
        var s = path.Split('/');
        return s.Length == 4 && s[0] == "api" && s[3].EndsWith(".json", StringComparison.Ordinal)
            && int.TryParse(s[2], NumberStyles.None, CultureInfo.InvariantCulture, out var layer)
            && int.TryParse(s[3].AsSpan(0, s[3].Length - ".json".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var neuron)
            ? (s[1], layer, neuron) : null;
    }
}
