using System.Diagnostics;

namespace NeuroNav.Weights.Compute;

/// <summary>Wall time and arithmetic of one stage, for the benchmark's GFLOP/s.</summary>
public sealed record StageCost(string Stage, TimeSpan Wall, double Flops)
{
    public double GflopsPerSecond => Flops / Wall.TotalSeconds / 1e9;
}

/// <summary>Neuron-to-neuron virtual weights: for each layer, each neuron's strongest upstream and downstream links.</summary>
public sealed class Connections
{
    public required TopBottom[] Upstream { get; init; }

    public required TopBottom[] Downstream { get; init; }
}

/// <summary>
/// One layer's token lists (logit effects or input tokens): for every neuron, or only for <see cref="Neurons"/> (sorted)
/// when a fetch stores only those.
/// </summary>
public sealed class LayerTokenLists(TopBottom lists, int[]? neurons)
{
    /// <summary>The neurons computed, ascending; null for every neuron of the layer.</summary>
    public int[]? Neurons { get; } = neurons;

    public (int Id, float Value)[] Highest(int neuron) => lists.Highest(Item(neuron));

    public (int Id, float Value)[] Lowest(int neuron) => lists.Lowest(Item(neuron));

    private int Item(int neuron)
    {
        if (Neurons is null)
        {
            return neuron;
        }

        var i = Array.BinarySearch(Neurons, neuron);
        return i >= 0 ? i : throw new ArgumentOutOfRangeException(nameof(neuron), $"the token lists of neuron {neuron} were not computed (only those of {Neurons.Length} neurons)");
    }
}

/// <summary>The three products over a packed model; each keeps only the top-k per neuron.</summary>
public static class WeightAnalyses
{
    /// <summary>
    /// Per layer: each neuron's k most promoted and k most suppressed tokens, W_out[l][n] · W_U; only for the neurons
    /// <paramref name="only"/> names per layer, when given (a layer it does not name gets none).
    /// </summary>
    public static (LayerTokenLists[] Result, StageCost Cost) LogitEffects(
        PackedModel p, int k, int threads, CancellationToken ct, IReadOnlyDictionary<int, int[]>? only = null) =>
        TokenLists(p, k, only, "logit effects", (l, neurons, lists) =>
            RowProducts.Run(neurons is null ? p.WOut[l] : p.WOut[l].Select(neurons), p.Unembed, lists, 0, null, 0, threads, ct));

    /// <summary>
    /// Per layer: each neuron's k highest and k lowest tokens on the direct path, normalised embedding · W_in[l][:, n];
    /// only for the neurons <paramref name="only"/> names per layer, when given.
    /// </summary>
    public static (LayerTokenLists[] Result, StageCost Cost) InputTokens(
        PackedModel p, int k, int threads, CancellationToken ct, IReadOnlyDictionary<int, int[]>? only = null) =>
        TokenLists(p, k, only, "input tokens", (l, neurons, lists) =>
            RowProducts.Run(p.Embed, neurons is null ? p.WIn[l] : p.WIn[l].Select(neurons), null, 0, lists, 0, threads, ct));

    private static (LayerTokenLists[] Result, StageCost Cost) TokenLists(
        PackedModel p, int k, IReadOnlyDictionary<int, int[]>? only, string stage, Action<int, int[]?, TopBottom> run)
    {
        var sw = Stopwatch.StartNew();
        var result = new LayerTokenLists[p.Layers];
        long rows = 0;
        for (var l = 0; l < p.Layers; l++)
        {
            int[]? neurons = only is null ? null : only.TryGetValue(l, out var n) ? [.. n.Distinct().Order()] : [];
            var lists = new TopBottom(neurons?.Length ?? p.NeuronsPerLayer, k);
            if (lists.Count > 0)
            {
                run(l, neurons, lists);
            }

            result[l] = new LayerTokenLists(lists, neurons);
            rows += lists.Count;
        }

        return (result, new StageCost(stage, sw.Elapsed, 2.0 * rows * p.Vocab * p.DModel));
    }

    /// <summary>
    /// Virtual weights W_out[l1][n] · W_in[l2][:, m] for every pair l1 &lt; l2. Ids are global neuron indices
    /// (layer × neurons per layer + neuron). <paramref name="progress"/> is told each finished pair.
    /// </summary>
    public static (Connections Result, StageCost Cost) Connect(
        PackedModel p, int k, int threads, CancellationToken ct, Action<int, int>? progress = null, int maxLayers = int.MaxValue)
    {
        var sw = Stopwatch.StartNew();
        var layers = Math.Min(p.Layers, maxLayers);
        var m = p.NeuronsPerLayer;
        var up = new TopBottom[p.Layers];
        var down = new TopBottom[p.Layers];
        for (var l = 0; l < p.Layers; l++)
        {
            up[l] = new TopBottom(m, k);
            down[l] = new TopBottom(m, k);
        }

        long pairs = 0;
        for (var l2 = 1; l2 < layers; l2++)
        {
            for (var l1 = 0; l1 < l2; l1++)
            {
                RowProducts.Run(p.WOut[l1], p.WIn[l2], down[l1], l2 * m, up[l2], l1 * m, threads, ct);
                pairs++;
                progress?.Invoke(l1, l2);
            }
        }

        var cost = new StageCost("connections", sw.Elapsed, 2.0 * pairs * m * m * p.DModel);
        return (new Connections { Upstream = up, Downstream = down }, cost);
    }
}
