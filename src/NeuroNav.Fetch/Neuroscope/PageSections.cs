namespace NeuroNav.Fetch.Neuroscope;

/// <summary>
/// Cuts a page into header, logits section and text sections on the generator's exact separator
/// <c>"\n&lt;hr&gt;\n"</c>. Token JSON cannot contain it: json.dumps escapes newlines, so each props
/// object sits on one line and a token's own <c>&lt;hr&gt;</c> never has a newline on both sides.
/// </summary>
internal readonly ref struct PageSections
{
    private static ReadOnlySpan<byte> Separator => "\n<hr>\n"u8;

    private readonly ReadOnlySpan<byte> _page;

    private PageSections(ReadOnlySpan<byte> page, ReadOnlySpan<byte> header, int logitsStart, int textsStart)
    {
        _page = page;
        Header = header;
        LogitsStart = logitsStart;
        TextsStart = textsStart;
    }

    public ReadOnlySpan<byte> Header { get; }

    /// <summary>Offset of the logits section, -1 when the page has no separator at all.</summary>
    private int LogitsStart { get; }

    /// <summary>Offset of the first text section, -1 when the page has fewer than two separators.</summary>
    private int TextsStart { get; }

    public static PageSections Split(ReadOnlySpan<byte> page)
    {
        var first = page.IndexOf(Separator);
        if (first < 0)
        {
            return new PageSections(page, page, -1, -1);
        }

        var logitsStart = first + Separator.Length;
        var second = page[logitsStart..].IndexOf(Separator);
        var textsStart = second < 0 ? -1 : logitsStart + second + Separator.Length;
        return new PageSections(page, page[..first], logitsStart, textsStart);
    }

    /// <summary>The logits section (empty on every generated page); throws when the page stops before the texts.</summary>
    public ReadOnlySpan<byte> Logits
    {
        get
        {
            if (LogitsStart < 0 || TextsStart < 0)
            {
                throw new PageFormatException("truncated page: no '<hr>' separators after the header");
            }

            return _page[LogitsStart..(TextsStart - Separator.Length)];
        }
    }

    /// <summary>Everything after the second separator: the texts joined by the separator; empty for a page with no texts.</summary>
    public ReadOnlySpan<byte> Texts => TextsStart < 0 ? [] : _page[TextsStart..];

    /// <summary>Steps through the text sections of <see cref="Texts"/>.</summary>
    public static bool NextText(ref ReadOnlySpan<byte> texts, out ReadOnlySpan<byte> section)
    {
        if (texts.IsEmpty)
        {
            section = default;
            return false;
        }

        var at = texts.IndexOf(Separator);
        if (at < 0)
        {
            section = texts;
            texts = [];
        }
        else
        {
            section = texts[..at];
            texts = texts[(at + Separator.Length)..];
            if (texts.IsEmpty)
            {
                throw new PageFormatException("truncated page: it ends with a '<hr>' separator after a text");
            }
        }

        return true;
    }
}
