using System.Globalization;
using System.Text;

namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>
/// Turns an N2G DOT label back into the normalised token it shows (docs/sources/neuron2graph.md#node-labels). N2G wrote a token through
/// <c>json.dumps(t).strip('[]"')</c> (ASCII escapes) unless it contained '"', wrapped space-only tokens in single quotes,
/// doubled the backslashes, then let python-graphviz quote it or leave it bare. Decoding reverses that:
/// bare and HTML-like labels are literal (<c>&lt;b&gt;</c> is the text &lt;b&gt;, not HTML); a quoted label is DOT-unescaped
/// (<c>\"</c> and <c>\\</c>), then, unless it now contains '"', JSON-unescaped (<c>\uXXXX</c> with surrogate pairs,
/// <c>\n</c>, <c>\t</c>, ...); finally <c>' '</c>, <c>'  '</c>, ... become the spaces they stand for.
/// The empty label stays empty: N2G printed it for '[', ']' and U+200B alike.
/// </summary>
internal static class LabelDecoder
{
    public static string Decode(string raw, DotIdForm form)
    {
        if (form != DotIdForm.Quoted)
        {
            return raw;
        }

        var text = DotUnescape(raw);
        if (!text.Contains('"', StringComparison.Ordinal))
        {
            text = JsonUnescape(text);
        }

        return IsQuotedSpaces(text) ? text[1..^1] : text;
    }

    private static bool IsQuotedSpaces(string text) =>
        text.Length >= 3 && text[0] == '\'' && text[^1] == '\'' && text.AsSpan(1, text.Length - 2).IndexOfAnyExcept(' ') < 0;

    /// <summary>DOT's escapes in a quoted string: <c>\"</c> is '"' and <c>\\</c> is '\'; any other backslash stays.</summary>
    private static string DotUnescape(string raw)
    {
        if (!raw.Contains('\\', StringComparison.Ordinal))
        {
            return raw;
        }

        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length && raw[i + 1] is '"' or '\\')
            {
                sb.Append(raw[++i]);
            }
            else
            {
                sb.Append(raw[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>JSON string escapes; a backslash that starts no valid escape is kept as it is.</summary>
    private static string JsonUnescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                sb.Append(c);
                continue;
            }

            var next = text[i + 1];
            char? simple = next switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                '/' => '/',
                '\\' => '\\',
                '"' => '"',
                _ => null,
            };
            if (simple is { } s)
            {
                sb.Append(s);
                i++;
            }
            else if (next == 'u' && i + 5 < text.Length
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 5;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
