using System.Buffers;
using System.Text.Unicode;

namespace NeuroNav.Build.Html;

/// <summary>Writes token text as UTF-8 HTML, escaped for a text node, with invisible characters made visible.</summary>
internal static class Utf8Html
{
    /// <summary>
    /// Escapes <c>&amp; &lt; &gt;</c>; shows <c>\n</c> as ↵ plus the line break (kept by <c>white-space: pre-wrap</c>),
    /// tab as ⇥, other control characters as their Unicode control pictures (␀..␟, ␡); lone surrogates become U+FFFD.
    /// <paramref name="span"/> must hold 5 bytes per UTF-16 unit of <paramref name="token"/>. Returns the bytes written.
    /// </summary>
    public static int WriteTokenText(Span<byte> span, string token)
    {
        var n = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c is >= ' ' and < '\u007f' and not ('&' or '<' or '>'))
            {
                span[n++] = (byte)c;
                continue;
            }

            switch (c)
            {
                case '&': "&amp;"u8.CopyTo(span[n..]); n += 5; break;
                case '<': "&lt;"u8.CopyTo(span[n..]); n += 4; break;
                case '>': "&gt;"u8.CopyTo(span[n..]); n += 4; break;
                case '\n': "↵\n"u8.CopyTo(span[n..]); n += 4; break;
                case '\t': "⇥"u8.CopyTo(span[n..]); n += 3; break;
                case < ' ': n += Encode([(char)(0x2400 + c)], span[n..]); break;
                case '\u007f': "␡"u8.CopyTo(span[n..]); n += 3; break;
                default:
                    // A run of non-ASCII text, transcoded at once; unpaired surrogates become U+FFFD.
                    var end = i + 1;
                    while (end < token.Length && token[end] > '\u007f')
                    {
                        end++;
                    }

                    n += Encode(token.AsSpan(i, end - i), span[n..]);
                    i = end - 1;
                    break;
            }
        }

        return n;
    }

    private static int Encode(ReadOnlySpan<char> text, Span<byte> span)
    {
        var status = Utf8.FromUtf16(text, span, out _, out var written, replaceInvalidSequences: true);
        return status == OperationStatus.Done
            ? written
            : throw new InvalidOperationException($"cannot encode token text as UTF-8: {status}");
    }
}
