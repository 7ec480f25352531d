using System.Globalization;
using System.Text.Unicode;
using NeuroNav.Core;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>Parses a neuroscope.io neuron page (docs/sources/neuroscope.md#neuron-page) into a <see cref="NeuroscopeNeuron"/>.</summary>
/// <remarks>
/// Works on the raw bytes: the page is split on the generator's <c>"\n&lt;hr&gt;\n"</c> separators, each text
/// block is read line by line and each one-line props object by <see cref="PropsReader"/>. Every field is
/// checked: the neuron header against the requested neuron, both renders against each other (the truncated
/// render must be the full text's <see cref="TokenWindow"/>), tokens against values, and the header ranges
/// against <c>minValue</c>/<c>maxValue</c>. A page with no texts is valid; its ranges are NaN.
/// A lone surrogate escape in a token is decoded as U+FFFD. A body cut exactly after a text's
/// <c>&lt;/details&gt;</c> cannot be told from a page with fewer texts; any other cut is rejected.
/// Thread-safe: buffers and the token interner are per thread.
/// </remarks>
public static class NeuronPageParser
{
    /// <summary>
    /// Parses the raw bytes of <c>{model}/{layer}/{neuron}.html</c>.
    /// Throws <see cref="NeuronPageException"/> naming the neuron and the reason when the bytes are not a
    /// valid page for <paramref name="expected"/> (other neuron, legacy lexoscope page, redirect, garbage).
    /// </summary>
    public static NeuroscopeNeuron Parse(ReadOnlySpan<byte> html, NeuronId expected, Provenance provenance)
    {
        try
        {
            return ParseCore(html, expected, provenance);
        }
        catch (PageFormatException e)
        {
            throw new NeuronPageException(expected, e.Message);
        }
        catch (NeuronPageException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new NeuronPageException(expected, $"unreadable page ({e.GetType().Name}: {e.Message})", e);
        }
    }

    private static NeuroscopeNeuron ParseCore(ReadOnlySpan<byte> html, NeuronId expected, Provenance provenance)
    {
        if (html.TrimEnd(" \t\r\n"u8).IsEmpty)
        {
            throw new PageFormatException("empty body");
        }

        if (!Utf8.IsValid(html))
        {
            throw new PageFormatException($"the body is not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8(html)})");
        }

        var sections = PageSections.Split(html);
        RejectOtherKinds(sections.Header);
        CheckHeader(NeuronHeader.Parse(sections.Header), expected);
        if (!sections.Logits.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            throw new PageFormatException("unexpected content in the (empty) logits section between the first two '<hr>'");
        }

        var scratch = ParserScratch.Current;
        var texts = new List<NeuroscopeText>(20);
        string? version = null;
        double maxRange = double.NaN, minRange = double.NaN;
        var rest = sections.Texts;
        while (PageSections.NextText(ref rest, out var block))
        {
            var i = texts.Count;
            try
            {
                var section = TextSection.Parse(block, last: rest.IsEmpty, scratch);
                if (section.Header.Index != i)
                {
                    throw new PageFormatException($"headed 'Text #{section.Header.Index}' at position {i}");
                }

                if (i == 0)
                {
                    (version, maxRange, minRange) = (section.Version, section.Full.MaxValue, section.Full.MinValue);
                }

                CheckRanges(section, maxRange, minRange);
                texts.Add(section.ToText());
            }
            catch (PageFormatException e)
            {
                throw new PageFormatException($"Text #{i}: {e.Message}");
            }
        }

        return new NeuroscopeNeuron(expected, maxRange, minRange, version, texts, provenance);
    }

    private static void RejectOtherKinds(ReadOnlySpan<byte> header)
    {
        if (header.IndexOf("window.location.replace"u8) >= 0)
        {
            throw new PageFormatException("redirect page, not a neuron page");
        }

        if (header.IndexOf("class='token'"u8) >= 0 || header.IndexOf("<h3>Text #"u8) >= 0)
        {
            throw new PageFormatException("legacy lexoscope page (pre-v4 format with per-token <span>s), not a v4 neuron page");
        }
    }

    private static void CheckHeader(NeuronHeader found, NeuronId expected)
    {
        if (found.Neuron != expected.Neuron || found.Layer != expected.Layer)
        {
            throw new PageFormatException(
                string.Create(CultureInfo.InvariantCulture, $"the page is for neuron {found.Neuron} in layer {found.Layer}, expected neuron {expected.Neuron} in layer {expected.Layer}"));
        }

        if (found.Model is not null && !string.Equals(found.Model, expected.Model, StringComparison.Ordinal))
        {
            throw new PageFormatException($"the page is for model '{found.Model}', expected '{expected.Model}'");
        }

        if (found.Model is null && ModelHeadings.Mismatch(found, expected.Model) is { } mismatch)
        {
            throw new PageFormatException(mismatch);
        }
    }

    /// <summary>Every render carries the page's minValue/maxValue; the headers print them with <c>:.4f</c>.</summary>
    private static void CheckRanges(TextSection section, double maxRange, double minRange)
    {
        foreach (var (props, which) in new[] { (section.Truncated, "truncated"), (section.Full, "full-text") })
        {
            if (!SameDouble(props.MaxValue, maxRange) || !SameDouble(props.MinValue, minRange))
            {
                throw new PageFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"the {which} render's range [{props.MinValue:R}, {props.MaxValue:R}] differs from Text #0's [{minRange:R}, {maxRange:R}]"));
            }
        }

        if (!Rounded(section.Header.MaxRange, maxRange) || !Rounded(section.Header.MinRange, minRange))
        {
            throw new PageFormatException(
                string.Create(CultureInfo.InvariantCulture, $"the header's Max Range {section.Header.MaxRange:R} / Min Range {section.Header.MinRange:R} disagree with maxValue {maxRange:R} / minValue {minRange:R}"));
        }
    }

    private static bool SameDouble(double a, double b) => a.Equals(b);

    /// <summary>Whether <paramref name="header"/> is <paramref name="exact"/> printed with 4 decimals.</summary>
    private static bool Rounded(float header, double exact) =>
        double.IsFinite(exact)
            ? Math.Abs(header - exact) <= 5.1e-5 + (Math.Abs(exact) * 1e-6)
            : ((double)header).Equals(exact);

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> s)
    {
        var offset = 0;
        while (offset < s.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(s[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }
}

/// <summary>The page is not a valid Neuroscope page for the requested neuron.</summary>
public sealed class NeuronPageException : Exception
{
    public NeuronPageException(NeuronId neuron, string reason)
        : base($"{neuron}: {reason}")
    {
        Neuron = neuron;
        Reason = reason;
    }

    public NeuronPageException(NeuronId neuron, string reason, Exception inner)
        : base($"{neuron}: {reason}", inner)
    {
        Neuron = neuron;
        Reason = reason;
    }

    public NeuronId Neuron { get; }

    public string Reason { get; }
}
