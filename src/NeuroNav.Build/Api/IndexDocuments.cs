using NeuroNav.Build.Coverage;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;
using NeuroNav.Build.Stats;
using NeuroNav.Core;

namespace NeuroNav.Build.Api;

/// <summary>Builds the index documents from the summaries and coverage the build collected.</summary>
internal static class IndexDocuments
{
    public const int LayerTop = 20;
    public const int ModelTop = 10;

    /// <summary>The site index's <c>sources</c>: Neuroscope, then the build's other sources in document order.</summary>
    public static IReadOnlyList<SourceDoc> Sources(SourceSet sources) =>
    [
        new(SourceInfo.Neuroscope.Id, SourceInfo.Neuroscope.AvailableLabel, "https://neuroscope.io/"),
        .. sources.Sections.Select(s => new SourceDoc(s.Source.Id, s.Source.AvailableLabel, s.Contributions.Homepage)),
    ];

    /// <summary>The first <paramref name="count"/> neurons under the default interest ranking (<see cref="InterestRanking"/>).</summary>
    public static IReadOnlyList<NeuronSummary> Top(IEnumerable<NeuronSummary> neurons, int count) => InterestRanking.Top(neurons, count);

    public static ModelMetadataDoc Metadata(ModelInfo m) =>
        new(m.Id, m.ActivationFunction, m.Dataset, m.Layers, m.NeuronsPerLayer, m.TotalNeurons, m.Parameters);

    public static LayerIndexDoc Layer(ModelInfo model, int layer, CoverageTally coverage, IReadOnlyList<NeuronSummary> neurons)
    {
        var ranked = InterestRanking.Order(neurons);
        var ranks = Ranks(ranked);
        return new("layer-index", JsonOutput.SchemaVersion, model.Id, layer, model.NeuronsPerLayer, coverage.ToDoc(),
            Summaries(ranked.Take(LayerTop), ranks), Summaries(neurons, ranks));
    }

    /// <summary>Each neuron's 1-based place in <paramref name="ranked"/>.</summary>
    public static IReadOnlyDictionary<int, int> Ranks(IReadOnlyList<NeuronSummary> ranked)
    {
        var ranks = new Dictionary<int, int>(ranked.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            ranks[ranked[i].Neuron] = i + 1;
        }

        return ranks;
    }

    public static ModelIndexDoc Model(ModelInfo model, CoverageTally coverage, IReadOnlyList<(LayerSummary Summary, CoverageTally Coverage)> layers) =>
        new("model-index", JsonOutput.SchemaVersion, Metadata(model), coverage.ToDoc(),
            [.. layers.Select(l => new ModelLayerDoc(
                l.Summary.Layer,
                l.Coverage.ToDoc(),
                new LinksDoc(ApiPaths.LayerIndex(model.Id, l.Summary.Layer), ApiPaths.LayerHtml(model.Id, l.Summary.Layer)),
                Summaries(l.Summary.Top, Ranks(l.Summary.Top))))]);

    public static SiteIndexDoc Site(SourceSet sources, IReadOnlyList<(ModelSummary Summary, CoverageTally Coverage)> models) =>
        new("site-index", JsonOutput.SchemaVersion, JsonOutput.Generator, Sources(sources),
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

    private static IReadOnlyList<NeuronSummaryDoc> Summaries(IEnumerable<NeuronSummary> rows, IReadOnlyDictionary<int, int> ranks) =>
        [.. rows.Select(r => Summary(r, ranks[r.Neuron]))];

    private static NeuronSummaryDoc Summary(NeuronSummary r, int rank)
    {
        var s = r.Statistics;
        return new NeuronSummaryDoc(
            r.Neuron,
            rank,
            r.Available,
            JsonOutput.Finite(r.MaxActivation),
            JsonOutput.Finite(r.MaxRange),
            StatsJson.Round(s.TopExampleRange),
            StatsJson.Round(s.Activations.Variance),
            StatsJson.Round(s.Activations.Skewness),
            StatsJson.Round(s.Activations.ExcessKurtosis),
            StatsJson.Round(s.Activations.FractionPositive),
            s.TopTokens.Token,
            StatsJson.Round(s.TopTokens.Share),
            r.Columns);
    }
}
