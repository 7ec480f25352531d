using System.Text;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>
/// What the page header says about itself: <c>&lt;h2&gt;Neuron N in Layer L &lt;/h2&gt;</c>, the loading line's model, and the
/// <c>&lt;h1&gt;Model: …&lt;/h1&gt;</c> and <c>&lt;h1&gt;Dataset: …&lt;/h1&gt;</c> headings (null when absent).
/// </summary>
internal readonly record struct NeuronHeader(int Neuron, int Layer, string? Model, string? ModelHeading = null, string? DatasetHeading = null)
{
    private static ReadOnlySpan<byte> Open => "<h2>Neuron "u8;

    private static ReadOnlySpan<byte> LoadingOpen => "from_pretrained('"u8;

    public static NeuronHeader Parse(ReadOnlySpan<byte> header)
    {
        var at = header.IndexOf(Open);
        if (at < 0)
        {
            throw new PageFormatException("not a Neuroscope neuron page: no '<h2>Neuron N in Layer L </h2>' header");
        }

        var rest = header[at..];
        if (rest[Open.Length..].IndexOf(Open) >= 0)
        {
            throw new PageFormatException("the header names a neuron twice");
        }

        var line = Fields.Line(rest);
        var neuron = Fields.Take(ref line, Open, " in Layer "u8, "neuron header");
        var layer = Fields.Take(ref line, [], "</h2>"u8, "neuron header").TrimEnd((byte)' ');
        return new NeuronHeader(
            Numbers.ParseInt(neuron), Numbers.ParseInt(layer), ReadModel(header), Heading(header, "<h1>Model: "u8), Heading(header, "<h1>Dataset: "u8));
    }

    /// <summary>The text of the first <c>&lt;h1&gt;</c> heading that starts with <paramref name="open"/>, up to its <c>&lt;/h1&gt;</c>.</summary>
    private static string? Heading(ReadOnlySpan<byte> header, ReadOnlySpan<byte> open)
    {
        var at = header.IndexOf(open);
        if (at < 0)
        {
            return null;
        }

        var line = Fields.Line(header[(at + open.Length)..]);
        var end = line.IndexOf("</h1>"u8);
        return end < 0 ? null : Encoding.UTF8.GetString(line[..end]).Trim();
    }

    private static string? ReadModel(ReadOnlySpan<byte> header)
    {
        var at = header.IndexOf(LoadingOpen);
        if (at < 0)
        {
            return null;
        }

        var rest = header[(at + LoadingOpen.Length)..];
        var end = rest.IndexOf((byte)'\'');
        return end < 0 ? null : Encoding.UTF8.GetString(rest[..end]);
    }
}

/// <summary>The four <c>&lt;h4&gt;</c> lines that open Text #i (docs/sources/neuroscope.md#text-header-lines).</summary>
internal sealed record TextHeader(
    int Index,
    float MaxRange,
    float MinRange,
    float MaxAct,
    float MinAct,
    long DataIndex,
    string Dataset,
    int MaxTokenIndex)
{
    public static TextHeader Parse(
        ReadOnlySpan<byte> line1, ReadOnlySpan<byte> line2, ReadOnlySpan<byte> line3, ReadOnlySpan<byte> line4, ParserScratch scratch)
    {
        var index = Numbers.ParseInt(Fields.Take(ref line1, "<h2>Text #"u8, "</h2>"u8, "text heading"));
        var maxRange = Numbers.ParseHeaderFloat(Fields.Take(ref line1, "<h4>Max Range: <b>"u8, "</b>"u8, "Max Range"));
        var minRange = Numbers.ParseHeaderFloat(Fields.Take(ref line1, ". Min Range: <b>"u8, "</b></h4>"u8, "Min Range"));
        Fields.End(line1, "Max Range line");

        var maxAct = Numbers.ParseHeaderFloat(Fields.Take(ref line2, "<h4>Max Act: <b>"u8, "</b>"u8, "Max Act"));
        var minAct = Numbers.ParseHeaderFloat(Fields.Take(ref line2, ". Min Act: <b>"u8, "</b></h4>"u8, "Min Act"));
        Fields.End(line2, "Max Act line");

        var dataIndex = Numbers.ParseLong(Fields.Take(ref line3, "<h4>Data Index: <b>"u8, "</b>"u8, "Data Index"));
        if (!line3.StartsWith(" ("u8) || !line3.EndsWith(")</h4>"u8) || line3.Length < 8)
        {
            throw new PageFormatException("Data Index line: expected ' (dataset)</h4>' after the index");
        }

        var label = line3[2..^6];
        var dataset = label.Contains((byte)'\\')
            ? Encoding.UTF8.GetString(label)
            : scratch.Interner.GetOrAdd(label, escaped: false, scratch.Decoder);

        var maxToken = Numbers.ParseInt(Fields.Take(ref line4, "<h4>Max Activating Token Index: <b>"u8, "</b></h4>"u8, "Max Activating Token Index"));
        Fields.End(line4, "Max Activating Token Index line");

        return new TextHeader(index, maxRange, minRange, maxAct, minAct, dataIndex, dataset, maxToken);
    }
}

/// <summary>Small helpers to cut fixed-layout lines into fields.</summary>
internal static class Fields
{
    /// <summary>The first line of <paramref name="s"/>, without its newline.</summary>
    public static ReadOnlySpan<byte> Line(ReadOnlySpan<byte> s)
    {
        var nl = s.IndexOf((byte)'\n');
        return nl < 0 ? s : s[..nl];
    }

    /// <summary>
    /// Requires <paramref name="line"/> to start with <paramref name="before"/>, returns what lies up to
    /// <paramref name="after"/> and leaves <paramref name="line"/> just past it.
    /// </summary>
    public static ReadOnlySpan<byte> Take(ref ReadOnlySpan<byte> line, ReadOnlySpan<byte> before, ReadOnlySpan<byte> after, string what)
    {
        if (!line.StartsWith(before))
        {
            throw new PageFormatException($"{what}: expected '{Encoding.ASCII.GetString(before)}' but found '{Preview(line)}'");
        }

        var rest = line[before.Length..];
        var end = rest.IndexOf(after);
        if (end < 0)
        {
            throw new PageFormatException($"{what}: no '{Encoding.ASCII.GetString(after)}' in '{Preview(line)}'");
        }

        line = rest[(end + after.Length)..];
        return rest[..end];
    }

    public static void End(ReadOnlySpan<byte> rest, string what)
    {
        if (!rest.IsEmpty)
        {
            throw new PageFormatException($"{what}: unexpected '{Preview(rest)}' at the end");
        }
    }

    public static string Preview(ReadOnlySpan<byte> s) =>
        Encoding.UTF8.GetString(s[..Math.Min(s.Length, 60)]).ReplaceLineEndings(" ");
}
