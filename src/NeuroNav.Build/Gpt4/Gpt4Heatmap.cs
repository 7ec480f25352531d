using System.Buffers;
using System.Text;
using NeuroNav.Build.Html;

namespace NeuroNav.Build.Gpt4;

/// <summary>
/// Token runs as coloured spans, the same markup and colour buckets as the Neuroscope heatmaps
/// (<c>&lt;span class="p3" title="2.875"&gt;tok&lt;/span&gt;</c>), on one scale per source.
/// </summary>
internal static class Gpt4Heatmap
{
    /// <summary>The largest finite |value| of <paramref name="runs"/>, or 1 when there is none.</summary>
    public static ColorScale ScaleOf(IEnumerable<float[]> runs)
    {
        var max = 0f;
        foreach (var run in runs)
        {
            foreach (var v in run)
            {
                if (float.IsFinite(v) && Math.Abs(v) > max)
                {
                    max = Math.Abs(v);
                }
            }
        }

        return new ColorScale(max > 0 ? max : 1d);
    }

    /// <summary>The spans of <paramref name="tokens"/>; the token at <paramref name="mark"/> (if any) is outlined.</summary>
    public static string Render(string[] tokens, float[] values, ColorScale scale, int mark = -1)
    {
        var output = new ArrayBufferWriter<byte>(tokens.Length * 48);
        var count = Math.Min(tokens.Length, values.Length);
        for (var i = 0; i < count; i++)
        {
            var v = values[i];
            var classes = ColorScale.ClassName(scale.Bucket(v));
            if (i == mark)
            {
                classes = classes.Length == 0 ? "mx" : classes + " mx";
            }

            var open = classes.Length == 0 ? "<span title=\"" : $"<span class=\"{classes}\" title=\"";
            HtmlSlots.WriteText(output, open);
            HtmlSlots.WriteText(output, float.IsFinite(v) ? Numbers.Float(v) : "null");
            HtmlSlots.WriteText(output, "\">");
            var span = output.GetSpan(tokens[i].Length * 5);
            output.Advance(Utf8Html.WriteTokenText(span, tokens[i]));
            HtmlSlots.WriteText(output, "</span>");
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>The index of the largest finite value, or -1 when there is none above zero (nothing to outline).</summary>
    public static int ArgMax(float[] values)
    {
        var best = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (float.IsFinite(values[i]) && (best < 0 || values[i] > values[best]))
            {
                best = i;
            }
        }

        return best >= 0 && values[best] > 0 ? best : -1;
    }
}
