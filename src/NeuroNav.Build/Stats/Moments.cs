namespace NeuroNav.Build.Stats;

/// <summary>
/// Population moments of a set of activations: mean, variance (divided by n), skewness g1 = m3 / m2^1.5 and excess
/// kurtosis g2 = m4 / m2² − 3. Non-finite values are left out. With no finite value every moment is null; when all finite
/// values are equal the variance is 0 and skewness and kurtosis are null (undefined), not a division by zero.
/// </summary>
public readonly record struct Moments(int Count, double? Mean, double? Variance, double? Skewness, double? ExcessKurtosis, double? FractionPositive)
{
    public static readonly Moments None = new(0, null, null, null, null, null);

    /// <summary>Two passes over <paramref name="values"/>: the mean first, then the central moments (stable for large offsets).</summary>
    public static Moments Of(IEnumerable<float[]> values)
    {
        var count = 0;
        var positive = 0;
        var sum = 0d;
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var array in values)
        {
            foreach (var v in array)
            {
                if (!float.IsFinite(v))
                {
                    continue;
                }

                count++;
                sum += v;
                positive += v > 0 ? 1 : 0;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        if (count == 0)
        {
            return None;
        }

        var mean = sum / count;
        var fraction = positive / (double)count;
        if (min == max)
        {
            return new Moments(count, min, 0, null, null, fraction);
        }

        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var array in values)
        {
            foreach (var v in array)
            {
                if (float.IsFinite(v))
                {
                    var d = v - mean;
                    var d2 = d * d;
                    m2 += d2;
                    m3 += d2 * d;
                    m4 += d2 * d2;
                }
            }
        }

        m2 /= count;
        m3 /= count;
        m4 /= count;
        return new Moments(count, mean, m2, m3 / Math.Pow(m2, 1.5), (m4 / (m2 * m2)) - 3, fraction);
    }
}
