using NeuroNav.Build.Api;
using NeuroNav.Build.Coverage;
using NeuroNav.Build.Output;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Search;
using NeuroNav.Build.Sources;
using NeuroNav.Core;

namespace NeuroNav.Build.Indexes;

/// <summary>
/// A model's own files (its index document and page, its explanation search, the sources' model-wide outputs), from its
/// layers' digests added one at a time, in layer order: only each layer's top neurons and explanations are kept.
/// </summary>
internal sealed class ModelIndexer(ModelInfo model, SourceSet sources)
{
    private readonly List<(LayerSummary Summary, CoverageTally Coverage)> _rows = [];
    private readonly ExplanationIndex _explanations = new();

    public void Add(LayerDigest layer)
    {
        IReadOnlyList<NeuronSummary> byNeuron = [.. layer.Ranked.OrderBy(n => n.Neuron)];
        _explanations.Add(layer.Layer, byNeuron);
        foreach (var outputs in sources.Outputs)
        {
            outputs.AddLayer(model, layer.Layer, byNeuron);
        }

        _rows.Add((new LayerSummary(layer.Layer, layer.Coverage.ToCounts(), [.. layer.Ranked.Take(IndexDocuments.ModelTop)]), layer.Coverage));
    }

    /// <param name="total">The model's coverage over all its layers.</param>
    public async Task WriteAsync(OutputWriter output, IPageRenderer pages, CoverageTally total, CancellationToken ct)
    {
        ExplanationSearch.Write(output, model.Id, _explanations);
        foreach (var outputs in sources.Outputs)
        {
            await outputs.WriteModelAsync(model, output, ct).ConfigureAwait(false);
        }

        var producer = $"model {model.Id}";
        output.Write(ApiPaths.ModelIndex(model.Id), JsonOutput.Serialize(IndexDocuments.Model(model, total, _rows), ApiJsonContext.Default.ModelIndexDoc), producer);
        var page = new ModelPageModel(model, total.ToCounts(), [.. _rows.Select(r => r.Summary)]) { Search = sources.SearchTitle(model.Id), Notes = await sources.NotesAsync(model, ct).ConfigureAwait(false) };
        output.Write(ApiPaths.ModelHtml(model.Id), pages.RenderModel(page), producer);
    }
}
