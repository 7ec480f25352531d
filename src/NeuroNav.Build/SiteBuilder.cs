using System.Diagnostics;
using NeuroNav.Build.Api;
using NeuroNav.Build.Coverage;
using NeuroNav.Build.Layers;
using NeuroNav.Build.Output;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Search;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Build;

/// <summary>What to build: which models and layers (all that the corpus has when empty), and where.</summary>
/// <param name="MaxShrink">The share of a model's existing neuron documents a build may remove before it stops (0.01 = 1%).</param>
/// <param name="AllowShrink">Remove what the corpus no longer holds, however much.</param>
public sealed record BuildOptions(
    string OutputDirectory, IReadOnlyList<string> Models, int? FirstLayer = null, int? LastLayer = null, int Parallelism = 2, double MaxShrink = 0.01, bool AllowShrink = false)
{
    public bool IncludesLayer(int layer) => layer >= (FirstLayer ?? 0) && layer <= (LastLayer ?? int.MaxValue);
}

public sealed record BuildReport(long Neurons, long FilesWritten, long FilesUnchanged, long FilesRemoved, long BytesWritten, TimeSpan Elapsed);

/// <summary>Builds the static site (JSON API, HTML, manifest) from the corpus alone.</summary>
/// <param name="sources">
/// The source modules besides Neuroscope: their sections, listing columns, coverage, schemas and outputs. Neuroscope is the
/// backbone (texts, statistics, its document) and always built.
/// </param>
public sealed class SiteBuilder(ICorpusReader corpus, ModelCatalog catalog, IPageRenderer pages, IReadOnlyList<ISectionSource>? sources = null)
{
    private readonly SourceSet _sources = new(sources);

    /// <summary>
    /// Writes the site for the models and layers of <paramref name="options"/>.
    /// The site index always covers every catalog model, from the coverage of the whole corpus. A model's index always
    /// lists all its layers: layers outside the range are read for their summaries but nothing of theirs is written.
    /// Files of the previous build outside the models and layers built are kept, with their manifest entries.
    /// </summary>
    /// <param name="neuronsDone">Receives the number of neurons rendered so far.</param>
    /// <exception cref="BuildException">Bad options, corpus data that would make a wrong site, or two producers of one path.</exception>
    public async Task<BuildReport> BuildAsync(BuildOptions options, IProgress<long>? neuronsDone, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var partitions = CorpusPartitions.Read(corpus, catalog);
        var models = ModelsToBuild(options, partitions);
        var coverage = await CorpusPartitions.ReadCoverageAsync(corpus, catalog, _sources.Coverage, partitions, ct).ConfigureAwait(false);
        await ShrinkGuard.CheckAsync(corpus, options, models.Select(m => m.Id), ct).ConfigureAwait(false);

        foreach (var source in _sources.Sections.Where(s => !pages.HasTemplate(s.Source.Id)))
        {
            throw new BuildException($"source '{source.Source.Id}' has no page template: add {source.Source.Id}.sbn to the templates folder");
        }

        var output = OutputWriter.Open(options.OutputDirectory);
        using var layers = new LayerBuilder(output, pages, _sources, options.Parallelism, neuronsDone);
        foreach (var schema in SchemaFiles.Names.Select(SchemaFiles.File).Concat(_sources.Schemas))
        {
            output.Write(ApiPaths.Schema(schema.Name), schema.Bytes, $"schema '{schema.Name}'");
        }

        foreach (var file in pages.StaticFiles())
        {
            output.Write(file.Path, file.Bytes, $"static file '{file.Path}'");
        }

        foreach (var model in models)
        {
            await BuildModelAsync(model, partitions, coverage, options, output, layers, ct).ConfigureAwait(false);
        }

        var site = catalog.Models.Select(m => (Summary: ModelSummaryOf(m, partitions, coverage), Coverage: ModelCoverage(m, coverage))).ToList();
        output.Write(ApiPaths.SiteIndex, JsonOutput.Serialize(IndexDocuments.Site(_sources, site), ApiJsonContext.Default.SiteIndexDoc), "site index");
        var index = new IndexPageModel([.. site.Select(s => s.Summary)]) { Search = [.. _sources.Columns.Where(c => c.Searchable)] };
        output.Write(ApiPaths.SiteIndexHtml, pages.RenderIndex(index), "site index page");
        foreach (var outputs in _sources.Outputs)
        {
            outputs.WriteSite(catalog.Models, pages, output);
        }

        var built = models.ToDictionary(m => m.Id, _ => (Func<int, bool>)options.IncludesLayer, StringComparer.Ordinal);
        output.Complete(new OutputScope(catalog.Models.Select(m => m.Id).ToHashSet(StringComparer.Ordinal), built), ct);
        return new BuildReport(layers.Neurons, output.FilesWritten, output.FilesUnchanged, output.FilesRemoved, output.BytesWritten, clock.Elapsed);
    }

    private async Task BuildModelAsync(
        ModelInfo model,
        IReadOnlyList<(string Model, int Layer)> partitions,
        IReadOnlyDictionary<(string, int), CoverageTally> coverage,
        BuildOptions options,
        OutputWriter output,
        LayerBuilder layers,
        CancellationToken ct)
    {
        var rows = new List<(LayerSummary Summary, CoverageTally Coverage)>();
        var explanations = new ExplanationIndex();
        IReadOnlyList<int> withData = [.. partitions.Where(p => p.Model == model.Id && coverage[p].HasPresent).Select(p => p.Layer)];
        foreach (var (_, layer) in partitions.Where(p => p.Model == model.Id))
        {
            ct.ThrowIfCancellationRequested();
            var layerCoverage = coverage[(model.Id, layer)];
            var stream = corpus.ReadLayerAsync(model.Id, layer, ct);
            IReadOnlyList<NeuronSummary> neurons;
            if (options.IncludesLayer(layer))
            {
                var statuses = LayerCoverage.Of(await corpus.ReadCoverageAsync(model.Id, layer, ct).ConfigureAwait(false));
                neurons = await layers.RenderAsync(model, layer, stream, statuses, withData, ct).ConfigureAwait(false);
                var producer = $"layer {model.Id}/{layer}";
                var doc = IndexDocuments.Layer(model, layer, layerCoverage, neurons);
                output.Write(ApiPaths.LayerIndex(model.Id, layer), JsonOutput.Serialize(doc, ApiJsonContext.Default.LayerIndexDoc), producer);
                var page = new LayerPageModel(model, layer, layerCoverage.ToCounts(), neurons, withData)
                {
                    MissingUpstream = layerCoverage.MissingUpstreamNeuroscope,
                    Columns = _sources.Columns,
                };
                output.Write(ApiPaths.LayerHtml(model.Id, layer), pages.RenderLayer(page), producer);
            }
            else
            {
                neurons = await layers.SummarizeAsync(model, layer, stream, ct).ConfigureAwait(false);
            }

            explanations.Add(layer, neurons);
            foreach (var outputs in _sources.Outputs)
            {
                outputs.AddLayer(model, layer, neurons);
            }

            rows.Add((new LayerSummary(layer, layerCoverage.ToCounts(), IndexDocuments.Top(neurons, IndexDocuments.ModelTop)), layerCoverage));
        }

        ExplanationSearch.Write(output, model.Id, explanations);
        foreach (var outputs in _sources.Outputs)
        {
            await outputs.WriteModelAsync(model, output, ct).ConfigureAwait(false);
        }

        var total = ModelCoverage(model, coverage);
        var producerName = $"model {model.Id}";
        output.Write(ApiPaths.ModelIndex(model.Id), JsonOutput.Serialize(IndexDocuments.Model(model, total, rows), ApiJsonContext.Default.ModelIndexDoc), producerName);
        var modelPage = new ModelPageModel(model, total.ToCounts(), [.. rows.Select(r => r.Summary)])
        {
            Search = _sources.SearchTitle(model.Id),
            Notes = await _sources.NotesAsync(model, ct).ConfigureAwait(false),
        };
        output.Write(ApiPaths.ModelHtml(model.Id), pages.RenderModel(modelPage), producerName);
    }

    /// <summary>The models to build, in catalog order: those asked for, or every model the corpus has.</summary>
    private List<ModelInfo> ModelsToBuild(BuildOptions options, IReadOnlyList<(string Model, int Layer)> partitions)
    {
        if (options.Parallelism < 1)
        {
            throw new BuildException($"parallelism must be at least 1, not {options.Parallelism}");
        }

        if (options.FirstLayer < 0 || options.LastLayer < 0 || options.FirstLayer > options.LastLayer)
        {
            throw new BuildException($"layer range {options.FirstLayer}..{options.LastLayer} is not a range of layers");
        }

        foreach (var id in options.Models)
        {
            if (!ModelId.IsValid(id))
            {
                throw new BuildException($"'{id}' is not a valid model id");
            }

            if (!catalog.TryGet(id, out _))
            {
                throw new BuildException($"unknown model '{id}'; known models: {string.Join(", ", catalog.Models.Select(m => m.Id))}");
            }
        }

        var wanted = options.Models.Count > 0 ? options.Models.ToHashSet(StringComparer.Ordinal) : partitions.Select(p => p.Model).ToHashSet(StringComparer.Ordinal);
        return [.. catalog.Models.Where(m => wanted.Contains(m.Id))];
    }

    private ModelSummary ModelSummaryOf(
        ModelInfo model, IReadOnlyList<(string Model, int Layer)> partitions, IReadOnlyDictionary<(string, int), CoverageTally> coverage) =>
        new(model, ModelCoverage(model, coverage).ToCounts(),
            [.. partitions.Where(p => p.Model == model.Id && coverage[p].HasPresent).Select(p => p.Layer)]);

    /// <summary>The model's coverage over all its layers; a layer the corpus does not have counts as not attempted.</summary>
    private CoverageTally ModelCoverage(ModelInfo model, IReadOnlyDictionary<(string, int), CoverageTally> coverage)
    {
        var total = new CoverageTally(_sources.Coverage, 0);
        for (var layer = 0; layer < model.Layers; layer++)
        {
            total.Add(coverage.TryGetValue((model.Id, layer), out var t) ? t : new CoverageTally(_sources.Coverage, model.NeuronsPerLayer));
        }

        return total;
    }
}
