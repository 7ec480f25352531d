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

/// <summary>The three products over a packed model; each keeps only the top-k per neuron.</summary>
public static class WeightAnalyses
{
    /// <summary>Per layer: each neuron's k most promoted and k most suppressed tokens, W_out[l][n] · W_U.</summary>
    public static (TopBottom[] Result, StageCost Cost) LogitEffects(PackedModel p, int k, int threads, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var result = new TopBottom[p.Layers];
        for (var l = 0; l < p.Layers; l++)
        {
            result[l] = new TopBottom(p.NeuronsPerLayer, k);
            RowProducts.Run(p.WOut[l], p.Unembed, result[l], 0, null, 0, threads, ct);
        }

        return (result, new StageCost("logit effects", sw.Elapsed, 2.0 * p.Layers * p.NeuronsPerLayer * p.Vocab * p.DModel));
    }

    /// <summary>Per layer: each neuron's k highest and k lowest tokens on the direct path, normalised embedding · W_in[l][:, n].</summary>
    public static (TopBottom[] Result, StageCost Cost) InputTokens(PackedModel p, int k, int threads, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var result = new TopBottom[p.Layers];
        for (var l = 0; l < p.Layers; l++)
        {
            result[l] = new TopBottom(p.NeuronsPerLayer, k);
            RowProducts.Run(p.Embed, p.WIn[l], null, 0, result[l], 0, threads, ct);
        }

        return (result, new StageCost("input tokens", sw.Elapsed, 2.0 * p.Layers * p.NeuronsPerLayer * p.Vocab * p.DModel));
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
