using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using NeuroNav.Core;

namespace NeuroNav.Build.Html;

/// <summary>
/// Renders token runs as coloured spans straight into UTF-8: <c>&lt;span class="p3" title="2.8752"&gt;tok&lt;/span&gt;</c>.
/// The 21 bucket prefixes (and their max-token variants) are encoded once; a token costs one buffer request.
/// </summary>
internal static class HeatmapWriter
{
    /// <summary>The most UTF-8 bytes one UTF-16 unit of a token can become (<c>&amp;amp;</c>).</summary>
    private const int MaxBytesPerChar = 5;

    private static readonly byte[][] Prefixes = BuildPrefixes(max: false);
    private static readonly byte[][] MaxPrefixes = BuildPrefixes(max: true);

    /// <summary>Writes tokens [window.Start, window.End) and marks the text's max-activating token with <c>mx</c>.</summary>
    public static void Write(IBufferWriter<byte> output, NeuroscopeText text, TokenWindow window, ColorScale scale)
    {
        var tokens = text.Tokens;
        var values = text.Values;
        var end = Math.Min(window.End, Math.Min(tokens.Length, values.Length));
        for (var i = window.Start; i < end; i++)
        {
            var value = values[i];
            var token = tokens[i];
            var prefix = (i == text.MaxTokenIndex ? MaxPrefixes : Prefixes)[scale.Bucket(value) + ColorScale.Buckets];
            var span = output.GetSpan(prefix.Length + 32 + (token.Length * MaxBytesPerChar) + 16);
            prefix.CopyTo(span);
            var n = prefix.Length;
            n += WriteValue(span[n..], value);
            "\">"u8.CopyTo(span[n..]);
            n += 2;
            n += Utf8Html.WriteTokenText(span[n..], token);
            "</span>"u8.CopyTo(span[n..]);
            output.Advance(n + 7);
        }
    }

    /// <summary>The value in shortest round-trip form; its characters (digits, <c>-.E+</c>, letters) need no attribute escaping.</summary>
    private static int WriteValue(Span<byte> span, float value)
    {
        if (float.IsNaN(value))
        {
            "NaN"u8.CopyTo(span);
            return 3;
        }

        return value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture)
            ? written
            : throw new InvalidOperationException("a float did not fit 32 bytes");
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
