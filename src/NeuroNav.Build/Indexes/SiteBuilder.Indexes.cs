using System.Diagnostics;
using NeuroNav.Build.Api;
using NeuroNav.Build.Coverage;
using NeuroNav.Build.Indexes;
using NeuroNav.Build.Output;

namespace NeuroNav.Build;

public sealed partial class SiteBuilder
{
    /// <summary>
    /// Writes what lies outside the layers (the site index, the model indexes and pages, their searches, the schemas and
    /// static files) from the layer indexes a partitioned rebuild published, without the corpus: the same files as
    /// <see cref="BuildAsync"/> with no layer in range (<c>build --indexes-only</c>) writes from the corpus those layers were
    /// built from. Reads one layer index at a time; keeps each layer's top neurons, coverage and explanations.
    /// </summary>
    /// <param name="layersRead">Receives the number of layer indexes read so far.</param>
    /// <exception cref="BuildException">A layer of a model or layer the catalog does not have, or a layer index that does not read.</exception>
    public async Task<BuildReport> BuildIndexesAsync(IPublishedLayerIndexes published, string outputDirectory, IProgress<long>? layersRead, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var partitions = published.Layers.Distinct().OrderBy(p => p.Model, StringComparer.Ordinal).ThenBy(p => p.Layer).ToList();
        foreach (var (model, layer) in partitions.Where(p => !catalog.TryGet(p.Model, out var m) || !m.HasLayer(p.Layer)))
        {
            throw new BuildException($"a layer index was published for {model} layer {layer}, which is not a layer of a catalog model");
        }

        var output = OutputWriter.Open(outputDirectory);
        WriteSiteFiles(output, SiteSchemas.For(_sources));
        var coverage = new Dictionary<(string, int), CoverageTally>();
        long read = 0;
        var models = catalog.Models.Where(m => partitions.Any(p => p.Model == m.Id)).ToList();
        foreach (var model in models)
        {
            var indexer = new ModelIndexer(model, _sources);
            foreach (var (_, layer) in partitions.Where(p => p.Model == model.Id))
            {
                var (bytes, origin) = await published.ReadAsync(model.Id, layer, ct).ConfigureAwait(false);
                var digest = LayerIndexReader.Read(bytes, origin, model, layer, _sources);
                coverage[(model.Id, layer)] = digest.Coverage;
                indexer.Add(digest);
                layersRead?.Report(++read);
            }

            await indexer.WriteAsync(output, pages, ModelCoverage(model, coverage), ct).ConfigureAwait(false);
        }

        WriteSiteIndex(output, partitions, coverage);
        var built = models.ToDictionary(m => m.Id, _ => (Func<int, bool>)(_ => false), StringComparer.Ordinal);
        output.Complete(new OutputScope(catalog.Models.Select(m => m.Id).ToHashSet(StringComparer.Ordinal), built), ct);
        return new BuildReport(0, output.FilesWritten, output.FilesUnchanged, output.FilesRemoved, output.BytesWritten, clock.Elapsed);
    }
}
