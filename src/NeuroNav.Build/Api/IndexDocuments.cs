using NeuroNav.Build.Coverage;
using NeuroNav.Build.Pages;
using NeuroNav.Core;

namespace NeuroNav.Build.Api;

/// <summary>Builds the index documents from the summaries and coverage the build collected.</summary>
internal static class IndexDocuments
{
    public const int LayerTop = 20;
    public const int ModelTop = 10;

    public static readonly IReadOnlyList<SourceDoc> Sources =
    [
        new(SourceInfo.Neuroscope.Id, SourceInfo.Neuroscope.AvailableLabel, "https://neuroscope.io/"),
        new(SourceInfo.Neuron2Graph.Id, SourceInfo.Neuron2Graph.AvailableLabel, "https://github.com/apartresearch/Neuron2Graph"),
        new(SourceInfo.Gpt4.Id, SourceInfo.Gpt4.AvailableLabel, "https://openaipublic.blob.core.windows.net/neuron-explainer/"),
    ];

    /// <summary>The <paramref name="count"/> neurons with the highest max activation, ties by neuron ascending.</summary>
    public static IReadOnlyList<NeuronSummary> Top(IEnumerable<NeuronSummary> neurons, int count) =>
        [.. neurons.Where(n => n.MaxActivation is not null)
            .OrderByDescending(n => n.MaxActivation!.Value)
            .ThenBy(n => n.Neuron)
            .Take(count)];

    public static ModelMetadataDoc Metadata(ModelInfo m) =>
        new(m.Id, m.ActivationFunction, m.Dataset, m.Layers, m.NeuronsPerLayer, m.TotalNeurons, m.Parameters);

    public static LayerIndexDoc Layer(ModelInfo model, int layer, CoverageTally coverage, IReadOnlyList<NeuronSummary> neurons) =>
        new("layer-index", JsonOutput.SchemaVersion, model.Id, layer, model.NeuronsPerLayer, coverage.ToDoc(),
            Summaries(Top(neurons, LayerTop)), Summaries(neurons));

    public static ModelIndexDoc Model(ModelInfo model, CoverageTally coverage, IReadOnlyList<(LayerSummary Summary, CoverageTally Coverage)> layers) =>
        new("model-index", JsonOutput.SchemaVersion, Metadata(model), coverage.ToDoc(),
            [.. layers.Select(l => new ModelLayerDoc(
                l.Summary.Layer,
                l.Coverage.ToDoc(),
                new LinksDoc(ApiPaths.LayerIndex(model.Id, l.Summary.Layer), ApiPaths.LayerHtml(model.Id, l.Summary.Layer)),
                Summaries(l.Summary.Top)))]);

    public static SiteIndexDoc Site(IReadOnlyList<(ModelSummary Summary, CoverageTally Coverage)> models) =>
        new("site-index", JsonOutput.SchemaVersion, JsonOutput.Generator, Sources,
            [.. models.Select(m => new SiteModelDoc(
                m.Summary.Model.Id,
                m.Summary.Model.ActivationFunction,
                m.Summary.Model.Dataset,
                m.Summary.Model.Layers,
                m.Summary.Model.NeuronsPerLayer,
                m.Summary.Model.TotalNeurons,
                m.Summary.Model.Parameters,
                m.Coverage.ToDoc(),
                m.Summary.LayersWithData,
                new LinksDoc(ApiPaths.ModelIndex(m.Summary.Model.Id), ApiPaths.ModelHtml(m.Summary.Model.Id))))]);

    private static IReadOnlyList<NeuronSummaryDoc> Summaries(IEnumerable<NeuronSummary> rows) =>
        [.. rows.Select(r => new NeuronSummaryDoc(r.Neuron, r.Available, r.MaxActivation, r.MaxRange))];
}
