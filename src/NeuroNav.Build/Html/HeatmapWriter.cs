using System.Buffers;
using System.Globalization;
using NeuroNav.Core;

namespace NeuroNav.Build.Html;

/// <summary>
/// Renders token runs as coloured spans straight into UTF-8: <c>&lt;span class="p3" title="2.8752"&gt;tok&lt;/span&gt;</c>.
/// The 21 bucket prefixes (and their max-token variants) are encoded once; a page is a few buffer copies per token.
/// </summary>
internal static class HeatmapWriter
{
    private static readonly byte[][] Prefixes = BuildPrefixes(max: false);
    private static readonly byte[][] MaxPrefixes = BuildPrefixes(max: true);
    private static readonly byte[] TitleEnd = "\">"u8.ToArray();
    private static readonly byte[] SpanEnd = "</span>"u8.ToArray();
    private static readonly byte[] NaNTitle = "NaN"u8.ToArray();

    /// <summary>Writes tokens [window.Start, window.End) and marks <paramref name="maxTokenIndex"/> (absolute) with <c>mx</c>.</summary>
    public static void Write(IBufferWriter<byte> output, NeuroscopeText text, TokenWindow window, ColorScale scale)
    {
        var tokens = text.Tokens;
        var values = text.Values;
        var end = Math.Min(window.End, Math.Min(tokens.Length, values.Length));
        for (var i = window.Start; i < end; i++)
        {
            var value = values[i];
            var bucket = scale.Bucket(value);
            var prefixes = i == text.MaxTokenIndex ? MaxPrefixes : Prefixes;
            Utf8Html.Write(output, prefixes[bucket + ColorScale.Buckets]);
            WriteValue(output, value);
            Utf8Html.Write(output, TitleEnd);
            Utf8Html.WriteTokenText(output, tokens[i]);
            Utf8Html.Write(output, SpanEnd);
        }
    }

    /// <summary>The value in shortest round-trip form; its characters (digits, <c>-.E+</c>, letters) need no attribute escaping.</summary>
    private static void WriteValue(IBufferWriter<byte> output, float value)
    {
        if (float.IsNaN(value))
        {
            Utf8Html.Write(output, NaNTitle);
            return;
        }

        var span = output.GetSpan(32);
        if (!value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a float did not fit 32 bytes");
        }

        output.Advance(written);
    }

    private static byte[][] BuildPrefixes(bool max)
    {
        var prefixes = new byte[(2 * ColorScale.Buckets) + 1][];
        for (var bucket = -ColorScale.Buckets; bucket <= ColorScale.Buckets; bucket++)
        {
            var classes = string.Join(' ', new[] { ColorScale.ClassName(bucket), max ? "mx" : "" }.Where(c => c.Length > 0));
            var prefix = classes.Length == 0 ? "<span title=\"" : $"<span class=\"{classes}\" title=\"";
            prefixes[bucket + ColorScale.Buckets] = System.Text.Encoding.UTF8.GetBytes(prefix);
        }

        return prefixes;
    }
}
