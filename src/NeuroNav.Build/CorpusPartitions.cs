using NeuroNav.Build.Coverage;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Build;

/// <summary>The corpus's (model, layer) partitions, checked against the catalog before any becomes a path.</summary>
internal static class CorpusPartitions
{
    public static IReadOnlyList<(string Model, int Layer)> Read(ICorpusReader corpus, ModelCatalog catalog)
    {
        var partitions = corpus.Partitions();
        foreach (var (model, layer) in partitions)
        {
            if (!ModelId.IsValid(model) || !catalog.TryGet(model, out var info))
            {
                throw new BuildException($"the corpus has a partition for model '{model}', which is not a model of the catalog");
            }

            if (!info.HasLayer(layer))
            {
                throw new BuildException($"the corpus has a partition for {model} layer {layer}, but {model} has {info.Layers} layers");
            }
        }

        return [.. partitions.Distinct().OrderBy(p => p.Model, StringComparer.Ordinal).ThenBy(p => p.Layer)];
    }

    /// <summary>The coverage tally of every partition over <paramref name="sources"/> (the site index reports every model, whatever is built).</summary>
    public static async Task<IReadOnlyDictionary<(string, int), CoverageTally>> ReadCoverageAsync(
        ICorpusReader corpus, ModelCatalog catalog, IReadOnlyList<SourceInfo> sources, IReadOnlyList<(string Model, int Layer)> partitions, CancellationToken ct)
    {
        var tallies = new Dictionary<(string, int), CoverageTally>();
        foreach (var (model, layer) in partitions)
        {
            var rows = await corpus.ReadCoverageAsync(model, layer, ct).ConfigureAwait(false);
            tallies[(model, layer)] = CoverageTally.ForLayer(sources, catalog[model], layer, rows);
        }

        return tallies;
    }
}
