using NeuroNav.Weights.Model;

namespace NeuroNav.Weights.Compute;

/// <param name="TokenListsOf">
/// The neurons, per layer, whose token lists (logit effects, input tokens) are computed; null for every neuron. The
/// connections and statistics are always computed for every neuron: the percentiles rank each neuron within the model.
/// </param>
public sealed record EngineOptions(int TokensPerSide = 20, int LinksPerSide = 10, int Threads = 2, IReadOnlyDictionary<int, int[]>? TokenListsOf = null);

/// <summary>Every per-neuron quantity of one model, computed from its processed weights.</summary>
public sealed class ModelWeightsResult
{
    private readonly int _neuronsPerLayer;

    internal ModelWeightsResult(
        int layers, int neuronsPerLayer, LayerTokenLists[] logits, LayerTokenLists[] inputs, Connections connections, WeightStatistics stats, Strengths strengths, IReadOnlyList<StageCost> costs)
    {
        Layers = layers;
        _neuronsPerLayer = neuronsPerLayer;
        Logits = logits;
        Inputs = inputs;
        Links = connections;
        Stats = stats;
        Strength = strengths;
        Costs = costs;
    }

    public int Layers { get; }

    public IReadOnlyList<StageCost> Costs { get; }

    private LayerTokenLists[] Logits { get; }

    private LayerTokenLists[] Inputs { get; }

    private Connections Links { get; }

    private WeightStatistics Stats { get; }

    private Strengths Strength { get; }

    public NeuronWeights Neuron(int layer, int neuron)
    {
        if (layer < 0 || layer >= Layers || neuron < 0 || neuron >= _neuronsPerLayer)
        {
            throw new ArgumentOutOfRangeException(nameof(neuron), $"no neuron {layer}/{neuron} in a model of {Layers} × {_neuronsPerLayer}");
        }

        return new NeuronWeights(
            layer,
            neuron,
            Tokens(Logits[layer].Highest(neuron)),
            Tokens(Logits[layer].Lowest(neuron)),
            Tokens(Inputs[layer].Highest(neuron)),
            Tokens(Inputs[layer].Lowest(neuron)),
            Neurons(Links.Upstream[layer].Highest(neuron), v => v > 0),
            Neurons(Links.Upstream[layer].Lowest(neuron), v => v < 0),
            Neurons(Links.Downstream[layer].Highest(neuron), v => v > 0),
            Neurons(Links.Downstream[layer].Lowest(neuron), v => v < 0),
            Stats.InputNorm[layer][neuron],
            Stats.OutputNorm[layer][neuron],
            Stats.InOutCosine[layer][neuron],
            Strength.In[layer][neuron],
            Strength.Out[layer][neuron],
            Strength.InPercentile[layer][neuron],
            Strength.OutPercentile[layer][neuron]);
    }

    private static TokenValue[] Tokens((int Id, float Value)[] items) => items.Select(p => new TokenValue(p.Id, p.Value)).ToArray();

    private NeuronLink[] Neurons((int Id, float Value)[] items, Func<float, bool> sign) =>
        items.Where(p => sign(p.Value)).Select(p => new NeuronLink(p.Id / _neuronsPerLayer, p.Id % _neuronsPerLayer, p.Value)).ToArray();
}

public static class WeightsEngine
{
    /// <summary>
    /// The version of the definitions in README.md (what is folded, centred, ranked and kept); stored with every result,
    /// so a change of definition recomputes what was computed under the old one.
    /// </summary>
    public const int DefinitionsVersion = 1;

    /// <summary>Computes everything for <paramref name="weights"/>, which is consumed (packed in place of its arrays).</summary>
    public static ModelWeightsResult Compute(ModelWeights weights, EngineOptions options, CancellationToken ct)
    {
        var stats = WeightStatistics.Of(weights);
        var layers = weights.Layers;
        var m = weights.NeuronsPerLayer;
        var packed = PackedModel.From(weights);
        var (logits, logitCost) = WeightAnalyses.LogitEffects(packed, options.TokensPerSide, options.Threads, ct, options.TokenListsOf);
        var (inputs, inputCost) = WeightAnalyses.InputTokens(packed, options.TokensPerSide, options.Threads, ct, options.TokenListsOf);
        var (links, linkCost) = WeightAnalyses.Connect(packed, options.LinksPerSide, options.Threads, ct);
        return new ModelWeightsResult(layers, m, logits, inputs, links, stats, Strengths.Of(links), [logitCost, inputCost, linkCost]);
    }
}
