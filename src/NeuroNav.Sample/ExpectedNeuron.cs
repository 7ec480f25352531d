using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Sample.Formats;

namespace NeuroNav.Sample;

/// <summary>What a correct parser reads back from a page written by <see cref="NeuroscopePageWriter"/>.</summary>
public static class ExpectedNeuron
{
    /// <summary>
    /// The <see cref="NeuroscopeNeuron"/> a parser should produce: numbers as the page prints them (headers at 4 decimals,
    /// values at 6), the page-wide range at full precision, tokens of the full text.
    /// </summary>
    public static NeuroscopeNeuron From(NeuronPage page, string? circuitsVisVersion, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(page);
        var maxVal = (double)PageStatistics.PageMax(page.Texts);
        var texts = new NeuroscopeText[page.Texts.Count];
        Span<char> repr = stackalloc char[40];
        for (var i = 0; i < texts.Length; i++)
        {
            var t = page.Texts[i];
            var values = new float[t.Length];
            for (var j = 0; j < values.Length; j++)
            {
                var n = PythonFloat.ReprRounded(t.Activations[j], 6, repr);
                values[j] = ParsePrinted(repr[..n]);
            }

            texts[i] = new NeuroscopeText(
                i,
                ParsePrinted(PythonFloat.Fixed4(PageStatistics.Max(t.Activations))),
                ParsePrinted(PythonFloat.Fixed4(PageStatistics.Min(t.Activations))),
                t.DataIndex,
                t.Dataset,
                PageStatistics.ArgMax(t.Activations),
                (string[])t.Tokens.Clone(),
                values);
        }

        return new NeuroscopeNeuron(page.Id, maxVal, -maxVal, circuitsVisVersion, texts, provenance);
    }

    /// <summary>Reads a number as Python printed it: <c>nan</c>/<c>NaN</c>, <c>inf</c>/<c>Infinity</c>, decimals, exponents.</summary>
    public static float ParsePrinted(ReadOnlySpan<char> text)
    {
        var negative = text.Length > 0 && text[0] == '-';
        var body = negative ? text[1..] : text;
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return float.NaN;
        }

        if (body.Equals("inf", StringComparison.Ordinal) || body.Equals("Infinity", StringComparison.Ordinal))
        {
            return negative ? float.NegativeInfinity : float.PositiveInfinity;
        }

        return float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
