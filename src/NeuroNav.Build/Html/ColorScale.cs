using NeuroNav.Core;

namespace NeuroNav.Build.Html;

/// <summary>
/// The signed, neuron-wide colour scale of a heatmap: a value maps to a bucket in -10..10
/// (<c>n10</c>..<c>n1</c> blue, 0 neutral, <c>p1</c>..<c>p10</c> red) by its share of <see cref="Scale"/>.
/// neuron.js repeats <see cref="Bucket"/> exactly, so the full text and the window colour alike.
/// </summary>
internal readonly record struct ColorScale(double Scale)
{
    public const int Buckets = 10;

    /// <summary>
    /// The page's scale: <see cref="NeuroscopeNeuron.MaxRange"/> when positive and finite, otherwise the
    /// largest finite |value| of the page's texts, otherwise 1.
    /// </summary>
    public static ColorScale For(NeuroscopeNeuron neuron)
    {
        if (neuron.MaxRange > 0 && double.IsFinite(neuron.MaxRange))
        {
            return new ColorScale(neuron.MaxRange);
        }

        var max = 0f;
        foreach (var text in neuron.Texts)
        {
            foreach (var v in text.Values)
            {
                if (float.IsFinite(v) && Math.Abs(v) > max)
                {
                    max = Math.Abs(v);
                }
            }
        }

        return new ColorScale(max > 0 ? max : 1d);
    }

    /// <summary>-10..10; 0 for NaN and for |value| under 5% of the scale; ±Infinity saturate.</summary>
    public int Bucket(float value)
    {
        if (float.IsNaN(value))
        {
            return 0;
        }

        var share = Math.Min(Math.Abs(value / Scale), 1d);
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
