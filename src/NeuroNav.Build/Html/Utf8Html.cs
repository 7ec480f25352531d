using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace NeuroNav.Build.Html;

/// <summary>Writes text into UTF-8 HTML, escaped for a text node, with invisible characters made visible.</summary>
internal static class Utf8Html
{
    private static readonly byte[] Amp = "&amp;"u8.ToArray();
    private static readonly byte[] Lt = "&lt;"u8.ToArray();
    private static readonly byte[] Gt = "&gt;"u8.ToArray();

    /// <summary>↵ then the line break itself, which <c>white-space: pre-wrap</c> keeps.</summary>
    private static readonly byte[] NewLine = "↵\n"u8.ToArray();
    private static readonly byte[] Tab = "⇥"u8.ToArray();

    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        var span = output.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        output.Advance(bytes.Length);
    }

    /// <summary>
    /// Escapes <c>&amp; &lt; &gt;</c>; shows <c>\n</c> as ↵ plus a line break, tab as ⇥, other control
    /// characters as their Unicode control pictures (␀..␟, ␡); lone surrogates become U+FFFD.
    /// </summary>
    public static void WriteTokenText(IBufferWriter<byte> output, string token)
    {
        var text = token.AsSpan();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c != '&' && c != '<' && c != '>' && c != '\u007f')
            {
                continue;
            }

            WritePlain(output, text[start..i]);
            start = i + 1;
            switch (c)
            {
                case '&': Write(output, Amp); break;
                case '<': Write(output, Lt); break;
                case '>': Write(output, Gt); break;
                case '\n': Write(output, NewLine); break;
                case '\t': Write(output, Tab); break;
                default: WriteControlPicture(output, c); break;
            }
        }

        WritePlain(output, text[start..]);
    }

    private static void WriteControlPicture(IBufferWriter<byte> output, char c)
    {
        Span<char> picture = [c == '\u007f' ? '\u2421' : (char)(0x2400 + c)];
        WritePlain(output, picture);
    }

    private static void WritePlain(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var span = output.GetSpan(Math.Max(text.Length * 3, 16));
            var status = Utf8.FromUtf16(text, span, out var read, out var written, replaceInvalidSequences: true);
            output.Advance(written);
            text = text[read..];
            if (status is not (OperationStatus.Done or OperationStatus.DestinationTooSmall))
            {
                throw new InvalidOperationException($"cannot encode token text as UTF-8: {status}");
            }
        }
    }

    public static string ToText(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
