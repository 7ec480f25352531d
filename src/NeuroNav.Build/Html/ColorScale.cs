using NeuroNav.Core;

namespace NeuroNav.Build.Html;

/// <summary>
/// The neuron-wide colour scale of a heatmap, each side scaled to its own extreme as neuroscope.io's pages are: a
/// positive value maps to a bucket 1..10 (<c>p1</c>..<c>p10</c>, red) by its share of <see cref="Max"/>, a negative one
/// to -1..-10 (<c>n1</c>..<c>n10</c>, blue) by its share of <see cref="Min"/>, so a neuron whose activations reach
/// 6.18 and -0.125 shows its negative tokens as blue as its positive ones are red.
/// neuron.js repeats <see cref="Bucket"/> exactly, so the full text and the window colour alike.
/// </summary>
/// <param name="Max">The positive extreme (full red); positive.</param>
/// <param name="Min">The negative extreme (full blue); negative.</param>
internal readonly record struct ColorScale(double Max, double Min)
{
    public const int Buckets = 10;

    /// <summary>A symmetric scale: ±<paramref name="scale"/> is full colour.</summary>
    public ColorScale(double scale)
        : this(scale, -scale)
    {
    }

    /// <summary>
    /// The page's scale. Positive side: <see cref="NeuroscopeNeuron.MaxRange"/> when positive and finite, otherwise the
    /// largest finite |value| of the page's texts, otherwise 1. Negative side: the smallest finite value of the page's
    /// texts when negative, otherwise minus the positive side.
    /// </summary>
    public static ColorScale For(NeuroscopeNeuron neuron)
    {
        var largest = 0f;
        var smallest = 0f;
        foreach (var text in neuron.Texts)
        {
            foreach (var v in text.Values)
            {
                if (float.IsFinite(v))
                {
                    largest = Math.Max(largest, Math.Abs(v));
                    smallest = Math.Min(smallest, v);
                }
            }
        }

        var max = neuron.MaxRange > 0 && double.IsFinite(neuron.MaxRange) ? neuron.MaxRange : largest > 0 ? largest : 1d;
        return new ColorScale(max, smallest < 0 ? smallest : -max);
    }

    /// <summary>-10..10; 0 for NaN and for values under 5% of their side's extreme; ±Infinity saturate.</summary>
    public int Bucket(float value)
    {
        if (float.IsNaN(value))
        {
            return 0;
        }

        var share = Math.Min(value < 0 ? value / Min : value / Max, 1d);
        var k = (int)Math.Round(share * Buckets, MidpointRounding.AwayFromZero);
        return value < 0 ? -k : k;
    }

    /// <summary>The CSS class of a bucket: <c>p3</c>, <c>n7</c>, or empty for neutral.</summary>
    public static string ClassName(int bucket) => bucket switch
    {
        > 0 => "p" + Numbers.Int(bucket),
        < 0 => "n" + Numbers.Int(-bucket),
        _ => "",
    };
}
