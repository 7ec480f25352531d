using NeuroNav.Build.Api;
using NeuroNav.Build.Coverage;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Stats;

namespace NeuroNav.Build.Indexes;

/// <summary>
/// What the site-wide and model indexes need of one layer, exactly as its layer index (<c>api/&lt;model&gt;/&lt;layer&gt;/index.json</c>)
/// publishes it: the coverage per source, and every neuron's row in the layer's ranking with its statistics rounded as the
/// index writes them. The build makes it from the corpus (<see cref="Of"/>) or reads it back from a published layer index
/// (<see cref="LayerIndexReader"/>); both give the same digest, so the model and site indexes come out the same either way.
/// </summary>
/// <param name="Ranked">Every neuron of the layer, first place of the default ranking (<see cref="InterestRanking"/>) first.</param>
internal sealed record LayerDigest(int Layer, CoverageTally Coverage, IReadOnlyList<NeuronSummary> Ranked)
{
    /// <summary>The digest of a layer the build summarized from the corpus.</summary>
    public static LayerDigest Of(int layer, CoverageTally coverage, IReadOnlyList<NeuronSummary> neurons) =>
        new(layer, coverage, [.. InterestRanking.Order(neurons).Select(AsPublished)]);

    /// <summary>A summary as its row in the layer index holds it: statistics rounded, non-finite numbers null.</summary>
    public static NeuronSummary AsPublished(NeuronSummary n)
    {
        var s = n.Statistics;
        var moments = new Moments(0, null, StatsJson.Round(s.Activations.Variance), StatsJson.Round(s.Activations.Skewness),
            StatsJson.Round(s.Activations.ExcessKurtosis), StatsJson.Round(s.Activations.FractionPositive));
        return new NeuronSummary(n.Neuron, n.Available, JsonOutput.Finite(n.MaxActivation), JsonOutput.Finite(n.MaxRange))
        {
            Statistics = new ActivationStatistics(StatsJson.Round(s.TopExampleRange), moments, new TopTokens(s.TopTokens.Token, StatsJson.Round(s.TopTokens.Share), 0)),
            Columns = [.. n.Columns.Select(c => c with { Value = new Sources.ColumnValue(JsonOutput.Finite(c.Value.Number), c.Value.Text) })],
        };
    }
}
