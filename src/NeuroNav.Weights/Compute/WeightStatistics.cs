using System.Numerics.Tensors;
using NeuroNav.Weights.Model;

namespace NeuroNav.Weights.Compute;

/// <summary>Per-neuron norms and the cosine between its input and output directions, by layer.</summary>
public sealed class WeightStatistics
{
    public required float[][] InputNorm { get; init; }

    public required float[][] OutputNorm { get; init; }

    public required float[][] InOutCosine { get; init; }

    /// <summary>Computed from the processed row-major weights, before they are packed.</summary>
    public static WeightStatistics Of(ModelWeights w)
    {
        var m = w.NeuronsPerLayer;
        var d = w.DModel;
        var inNorm = new float[w.Layers][];
        var outNorm = new float[w.Layers][];
        var cos = new float[w.Layers][];
        for (var l = 0; l < w.Layers; l++)
        {
            inNorm[l] = new float[m];
            outNorm[l] = new float[m];
            cos[l] = new float[m];
            for (var n = 0; n < m; n++)
            {
                var wIn = w.WIn[l].AsSpan(n * d, d);
                var wOut = w.WOut[l].AsSpan(n * d, d);
                inNorm[l][n] = TensorPrimitives.Norm(wIn);
                outNorm[l][n] = TensorPrimitives.Norm(wOut);
                var denominator = inNorm[l][n] * outNorm[l][n];
                cos[l][n] = denominator > 0 ? TensorPrimitives.Dot(wIn, wOut) / denominator : 0f;
            }
        }

        return new WeightStatistics { InputNorm = inNorm, OutputNorm = outNorm, InOutCosine = cos };
    }
}

/// <summary>A neuron's strength in the connection graph and its percentile within the model.</summary>
public sealed class Strengths
{
    public required float[][] In { get; init; }

    public required float[][] Out { get; init; }

    public required float[][] InPercentile { get; init; }

    public required float[][] OutPercentile { get; init; }

    /// <summary>
    /// In-strength: the sum of |virtual weight| over the distinct upstream neurons among its strongest exciting and
    /// inhibiting links (out-strength likewise downstream). Percentile: 100 × the share of the model's neurons whose
    /// strength is at most this one's.
    /// </summary>
    public static Strengths Of(Connections c)
    {
        var inS = c.Upstream.Select(Sum).ToArray();
        var outS = c.Downstream.Select(Sum).ToArray();
        return new Strengths { In = inS, Out = outS, InPercentile = Percentiles(inS), OutPercentile = Percentiles(outS) };
    }

    private static float[] Sum(TopBottom links)
    {
        var result = new float[links.Count];
        for (var n = 0; n < links.Count; n++)
        {
            var seen = new HashSet<int>();
            foreach (var (id, v) in links.Highest(n).Concat(links.Lowest(n)))
            {
                if (seen.Add(id))
                {
                    result[n] += MathF.Abs(v);
                }
            }
        }

        return result;
    }

    private static float[][] Percentiles(float[][] byLayer)
    {
        var all = byLayer.SelectMany(x => x).ToArray();
        Array.Sort(all);
        return byLayer.Select(layer => layer.Select(s => 100f * UpperBound(all, s) / all.Length).ToArray()).ToArray();
    }

    /// <summary>The number of elements of sorted <paramref name="a"/> that are at most <paramref name="v"/>.</summary>
    private static int UpperBound(float[] a, float v)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (a[mid] <= v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
