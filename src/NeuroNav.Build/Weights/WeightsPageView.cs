using System.Globalization;
using NeuroNav.Build.Html;
using NeuroNav.Corpus.Weights;

namespace NeuroNav.Build.Weights;

/// <summary>A token chip: its shown text (raw; the template escapes it), classes (<c>chip p7</c>), id and value.</summary>
public sealed record TokenChipView(string Text, string Class, int Id, string Value);

/// <summary>A connected neuron; <see cref="Href"/> is its page relative to the neuron page, null when the site has none.</summary>
public sealed record LinkView(string? Href, int Layer, int Neuron, string Value, string Class);

/// <summary>One row of the statistics table: name, value and what it means.</summary>
public sealed record StatView(string Name, string Value, string Note);

/// <summary>
/// What <c>templates/weights.sbn</c> draws: the promoted, suppressed and input tokens as chips coloured by value (each
/// pair of lists on one symmetric scale, the strongest |value| full colour), the connected neurons as links where the
/// site has their page, and the statistics.
/// </summary>
public sealed record WeightsPageView(
    IReadOnlyList<TokenChipView> Promoted,
    IReadOnlyList<TokenChipView> Suppressed,
    IReadOnlyList<TokenChipView> InputHighest,
    IReadOnlyList<TokenChipView> InputLowest,
    IReadOnlyList<LinkView> UpstreamExciting,
    IReadOnlyList<LinkView> UpstreamInhibiting,
    IReadOnlyList<LinkView> DownstreamExciting,
    IReadOnlyList<LinkView> DownstreamInhibiting,
    IReadOnlyList<StatView> Stats)
{
    public static WeightsPageView Create(WeightsNeuron neuron, Func<int, int, bool> hasPage)
    {
        var t = neuron.Tokens;
        var l = neuron.Links;
        var s = neuron.Stats;
        var logits = Scale(t.Promoted.Concat(t.Suppressed).Select(x => x.Value));
        var inputs = Scale(t.InputHighest.Concat(t.InputLowest).Select(x => x.Value));
        var links = Scale(l.UpstreamExciting.Concat(l.UpstreamInhibiting).Concat(l.DownstreamExciting).Concat(l.DownstreamInhibiting).Select(x => x.Value));
        List<TokenChipView> Chips(IReadOnlyList<WeightToken> tokens, ColorScale scale) =>
            [.. tokens.Select(x => new TokenChipView(Shown(x.Text), Chip(scale.Bucket(x.Value)), x.Id, Value(x.Value)))];
        List<LinkView> Links(IReadOnlyList<WeightLink> list) =>
            [.. list.Select(x => new LinkView(
                hasPage(x.Layer, x.Neuron) ? string.Create(CultureInfo.InvariantCulture, $"../{x.Layer}/{x.Neuron}.html") : null,
                x.Layer, x.Neuron, Value(x.Value), Chip(links.Bucket(x.Value))))];
        return new WeightsPageView(
            Chips(t.Promoted, logits), Chips(t.Suppressed, logits), Chips(t.InputHighest, inputs), Chips(t.InputLowest, inputs),
            Links(l.UpstreamExciting), Links(l.UpstreamInhibiting), Links(l.DownstreamExciting), Links(l.DownstreamInhibiting),
            [
                new("Input norm", Value(s.InputNorm), "‖W_in[:, n]‖, the direction it reads (LayerNorm folded, centred)"),
                new("Output norm", Value(s.OutputNorm), "‖W_out[n]‖, the direction it writes (centred)"),
                new("Input/output cosine", Value(s.InOutCosine), "cosine of the two directions"),
                new("In-strength", Value(s.InStrength), $"Σ |virtual weight| of its strongest upstream links; percentile {Value(s.InStrengthPercentile)} in the model"),
                new("Out-strength", Value(s.OutStrength), $"Σ |virtual weight| of its strongest downstream links; percentile {Value(s.OutStrengthPercentile)} in the model"),
            ]);
    }

    /// <summary>A token's text made visible: spaces as '·', newlines as '↵', tabs as '→'; an empty text as '∅'.</summary>
    public static string Shown(string text) =>
        text.Length == 0 ? "∅" : text.Replace(' ', '·').Replace("\n", "↵", StringComparison.Ordinal).Replace('\t', '→');

    /// <summary>The chip's classes: <c>chip</c> and its colour bucket, if any.</summary>
    private static string Chip(int bucket) => bucket == 0 ? "chip" : "chip " + ColorScale.ClassName(bucket);

    private static string Value(float value) => Numbers.Rounded(value);

    private static ColorScale Scale(IEnumerable<float> values)
    {
        var largest = values.Where(float.IsFinite).Select(Math.Abs).DefaultIfEmpty(0f).Max();
        return new ColorScale(largest > 0 ? largest : 1d);
    }
}
