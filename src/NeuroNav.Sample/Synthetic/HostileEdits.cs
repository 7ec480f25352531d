namespace NeuroNav.Sample.Synthetic;

/// <summary>Edits of synthetic pages that make hostile fixtures.</summary>
internal static class HostileEdits
{
    private static readonly string[] Tokens =
    [
        "</script>", "<hr>", "<!--", "-->", " \U0001F600", "\U0001F9E0", "\ufffd", "\r\n", "\t", "\u0001", "\u007f",
        " \"", "\\", "</details>", "\n<hr>\n", " &amp;", "'", "   ", " <b>", "{\"tokens\": ", ", \"values\": ",
    ];

    /// <summary>Puts the hostile tokens around each text's peak, so both renders carry them.</summary>
    public static NeuronPage WithHostileTokens(NeuronPage page)
    {
        var texts = new List<PageText>();
        for (var i = 0; i < page.Texts.Count; i++)
        {
            var t = page.Texts[i];
            var tokens = (string[])t.Tokens.Clone();
            var peak = PageStatistics.ArgMax(t.Activations);
            for (var k = 0; k < 6; k++)
            {
                var at = Math.Clamp(peak - 3 + k, 1, tokens.Length - 1);
                tokens[at] = Tokens[((i * 6) + k) % Tokens.Length];
            }

            texts.Add(t with { Tokens = tokens });
        }

        return page with { Texts = texts };
    }

    /// <summary>NaN in Text #0 (so the page-wide max is NaN), +Infinity in Text #1, -Infinity in Text #2.</summary>
    public static NeuronPage WithNanAndInfinity(NeuronPage page)
    {
        var texts = page.Texts.ToList();
        texts[0] = Poke(texts[0], 0.25, float.NaN);
        texts[1] = Poke(texts[1], 0.5, float.PositiveInfinity);
        texts[2] = Poke(texts[2], 0.75, float.NegativeInfinity);
        return page with { Texts = texts };
    }

    private static PageText Poke(PageText text, double where, float value)
    {
        var acts = (float[])text.Activations.Clone();
        acts[Math.Max(1, (int)(acts.Length * where))] = value;
        return text with { Activations = acts };
    }
}
