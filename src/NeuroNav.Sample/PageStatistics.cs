namespace NeuroNav.Sample;

/// <summary>numpy's float32 max/min/argmax as the generator used them: NaN propagates, argmax takes the first maximum (or first NaN).</summary>
internal static class PageStatistics
{
    public static float Max(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            if (float.IsNaN(v))
            {
                return float.NaN;
            }

            if (v > max)
            {
                max = v;
            }
        }

        return max;
    }

    public static float Min(ReadOnlySpan<float> values)
    {
        var min = float.PositiveInfinity;
        foreach (var v in values)
        {
            if (float.IsNaN(v))
            {
                return float.NaN;
            }

            if (v < min)
            {
                min = v;
            }
        }

        return min;
    }

    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (float.IsNaN(values[i]))
            {
                return i;
            }

            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>max_val = float(acts.max()) over the whole page.</summary>
    public static float PageMax(IReadOnlyList<PageText> texts)
    {
        var max = float.NegativeInfinity;
        foreach (var t in texts)
        {
            var m = Max(t.Activations);
            if (float.IsNaN(m))
            {
                return float.NaN;
            }

            max = Math.Max(max, m);
        }

        return max;
    }
}
