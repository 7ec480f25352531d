using System.Text;
using NeuroNav.Core;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>One parsed text block: its header, both renders' props and the first CircuitsVis version seen.</summary>
internal sealed record TextSection(TextHeader Header, RenderProps Truncated, RenderProps Full, string? Version)
{
    private static ReadOnlySpan<byte> Details => "</details>"u8;

    /// <summary>
    /// Parses one text section line by line (docs/sources/neuroscope.md#text-sections). The props object is found as the line
    /// that starts with <c>{</c> after indentation, so tokens holding <c>&lt;/script&gt;</c>, <c>&lt;!--</c>
    /// or <c>{"tokens": </c> cannot confuse it.
    /// </summary>
    public static TextSection Parse(ReadOnlySpan<byte> section, bool last, ParserScratch scratch)
    {
        var body = last ? section.TrimEnd(" \t\r\n"u8) : section;
        if (!body.EndsWith(Details))
        {
            throw new PageFormatException("the section does not end with '</details>' (truncated body?)");
        }

        var lines = new LineCursor(body);
        var header = TextHeader.Parse(lines.Next("Max Range"), lines.Next("Max Act"), lines.Next("Data Index"), lines.Next("Max Activating Token Index"), scratch);

        RenderProps? truncated = null, full = null;
        string? version = null;
        bool inFull = false, versionSeen = false, imported = false;
        while (lines.TryNext(out var raw))
        {
            var line = raw.TrimStart(" \t"u8);
            if (line.StartsWith("import "u8))
            {
                var v = ImportVersion(line);
                if (!versionSeen)
                {
                    (version, versionSeen) = (v, true);
                }

                imported = true;
            }
            else if (line.StartsWith("{"u8))
            {
                if (!imported)
                {
                    throw new PageFormatException("a ColoredTokens render has no CircuitsVis import");
                }

                ref var slot = ref inFull ? ref full : ref truncated;
                if (slot is not null)
                {
                    throw new PageFormatException(inFull ? "two full-text renders" : "two truncated renders");
                }

                try
                {
                    slot = PropsReader.Read(line, scratch);
                }
                catch (PageFormatException e)
                {
                    throw new PageFormatException($"{(inFull ? "full-text" : "truncated")} render: {e.Message}");
                }

                imported = false;
            }
            else if (line.SequenceEqual("</summary>"u8))
            {
                if (inFull)
                {
                    throw new PageFormatException("two '</summary>' lines");
                }

                inFull = true;
            }
        }

        if (!inFull)
        {
            throw new PageFormatException("no '</summary>' line between the truncated and the full render");
        }

        return new TextSection(
            header,
            truncated ?? throw new PageFormatException("no truncated render"),
            full ?? throw new PageFormatException("no full-text render"),
            version);
    }

    /// <summary><c>circuitsvis@1.38.1/dist</c> gives "1.38.1"; <c>circuitsvis/dist</c> gives null.</summary>
    private static string? ImportVersion(ReadOnlySpan<byte> line)
    {
        var at = line.IndexOf("/circuitsvis"u8);
        if (at < 0 || line.IndexOf("ColoredTokens"u8) < 0)
        {
            throw new PageFormatException($"not a CircuitsVis ColoredTokens import: '{Fields.Preview(line)}'");
        }

        var rest = line[(at + "/circuitsvis"u8.Length)..];
        if (rest.StartsWith("/"u8))
        {
            return null;
        }

        var end = rest.IndexOf((byte)'/');
        if (!rest.StartsWith("@"u8) || end < 2)
        {
            throw new PageFormatException($"unreadable CircuitsVis import URL: '{Fields.Preview(line)}'");
        }

        return Encoding.UTF8.GetString(rest[1..end]);
    }

    /// <summary>Checks both renders against each other and the header; returns the stored text.</summary>
    public NeuroscopeText ToText()
    {
        var (tokens, values) = (Full.Tokens, Full.Values);
        if (tokens.Length != values.Length)
        {
            throw new PageFormatException($"the full text has {tokens.Length} tokens but {values.Length} values");
        }

        if (Header.MaxTokenIndex < 0 || Header.MaxTokenIndex >= tokens.Length)
        {
            throw new PageFormatException($"Max Activating Token Index {Header.MaxTokenIndex} is outside the text's {tokens.Length} tokens");
        }

        CheckWindow();
        return new NeuroscopeText(
            Header.Index, Header.MaxAct, Header.MinAct, Header.DataIndex, Header.Dataset, Header.MaxTokenIndex, tokens, values);
    }

    private void CheckWindow()
    {
        var window = TokenWindow.Around(Header.MaxTokenIndex, Full.Tokens.Length);
        if (Truncated.Tokens.Length != window.Length || Truncated.Values.Length != window.Length)
        {
            throw new PageFormatException(
                $"the truncated render has {Truncated.Tokens.Length} tokens and {Truncated.Values.Length} values, " +
                $"but the window [{window.Start}, {window.End}) around token {Header.MaxTokenIndex} holds {window.Length}");
        }

        for (var i = 0; i < window.Length; i++)
        {
            var (t, f) = (Truncated.Tokens[i], Full.Tokens[window.Start + i]);
            if (!string.Equals(t, f, StringComparison.Ordinal))
            {
                throw new PageFormatException($"truncated token {i} is \"{t}\" but full-text token {window.Start + i} is \"{f}\"");
            }

            var (a, b) = (Truncated.Values[i], Full.Values[window.Start + i]);
            if (BitConverter.SingleToInt32Bits(a) != BitConverter.SingleToInt32Bits(b) && !(float.IsNaN(a) && float.IsNaN(b)))
            {
                throw new PageFormatException($"truncated value {i} is {Show(a)} but full-text value {window.Start + i} is {Show(b)}");
            }
        }
    }

    private static string Show(float v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Splits a section into lines on '\n'.</summary>
    private ref struct LineCursor(ReadOnlySpan<byte> text)
    {
        private ReadOnlySpan<byte> _rest = text;
        private bool _done = text.IsEmpty;

        public bool TryNext(out ReadOnlySpan<byte> line)
        {
            if (_done)
            {
                line = default;
                return false;
            }

            var nl = _rest.IndexOf((byte)'\n');
            if (nl < 0)
            {
                line = _rest;
                _rest = [];
                _done = true;
            }
            else
            {
                line = _rest[..nl];
                _rest = _rest[(nl + 1)..];
            }

            return true;
        }

        public ReadOnlySpan<byte> Next(string what) =>
            TryNext(out var line) ? line : throw new PageFormatException($"the section ends before the {what} line");
    }
}
