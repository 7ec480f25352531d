using System.Text.Json;
using NeuroNav.Build.Api;
using NeuroNav.Build.Sources;
using NeuroNav.Corpus.Weights;

namespace NeuroNav.Build.Weights;

/// <summary>
/// One neuron's <c>"weights"</c> section: its output logit effects (promoted and suppressed tokens), its direct-path input
/// tokens, its upstream and downstream connections and its weight statistics, as <c>weights.schema.json</c> describes.
/// Numbers are float32 written in shortest round-trip form, so rebuilds are byte-identical.
/// </summary>
internal sealed class WeightsSection(WeightsNeuron neuron, Func<int, int, bool> hasPage) : INeuronSection
{
    private readonly Lazy<WeightsPageView> _view = new(() => WeightsPageView.Create(neuron, hasPage));

    public WeightsNeuron Neuron => neuron;

    /// <summary>No score: the weights describe, they do not explain.</summary>
    public double? Score => null;

    /// <summary>"promotes … ; suppresses …", the three strongest of each, for the page's facts list.</summary>
    public string? Summary
    {
        get
        {
            static string Three(IReadOnlyList<WeightToken> tokens) => string.Join(", ", tokens.Take(3).Select(t => WeightsPageView.Shown(t.Text)));
            return neuron.Tokens.Promoted.Count == 0 ? null : $"promotes {Three(neuron.Tokens.Promoted)}; suppresses {Three(neuron.Tokens.Suppressed)}";
        }
    }

    /// <summary>The text of the most promoted token (the layer listing's column), or null.</summary>
    public string? TopToken => neuron.Tokens.Promoted.Count > 0 ? neuron.Tokens.Promoted[0].Text : null;

    public object PageView => _view.Value;

    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var t = neuron.Tokens;
        var l = neuron.Links;
        var s = neuron.Stats;
        writer.WriteStartObject();
        Pair(writer, "logit_effects", "promoted", t.Promoted, "suppressed", t.Suppressed);
        Pair(writer, "input_tokens", "highest", t.InputHighest, "lowest", t.InputLowest);
        Pair(writer, "upstream", l.UpstreamExciting, l.UpstreamInhibiting);
        Pair(writer, "downstream", l.DownstreamExciting, l.DownstreamInhibiting);
        writer.WriteStartObject("statistics");
        writer.WriteFinite("input_norm", s.InputNorm);
        writer.WriteFinite("output_norm", s.OutputNorm);
        writer.WriteFinite("in_out_cosine", s.InOutCosine);
        writer.WriteFinite("in_strength", s.InStrength);
        writer.WriteFinite("out_strength", s.OutStrength);
        writer.WriteFinite("in_strength_percentile", s.InStrengthPercentile);
        writer.WriteFinite("out_strength_percentile", s.OutStrengthPercentile);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Pair(Utf8JsonWriter w, string name, string first, IReadOnlyList<WeightToken> a, string second, IReadOnlyList<WeightToken> b) =>
        Pair(w, name, first, a, second, b, (json, token) =>
        {
            json.WriteNumber("token", token.Id);
            json.WriteString("text", token.Text);
            json.WriteFinite("value", token.Value);
        });

    private static void Pair(Utf8JsonWriter w, string name, IReadOnlyList<WeightLink> exciting, IReadOnlyList<WeightLink> inhibiting) =>
        Pair(w, name, "exciting", exciting, "inhibiting", inhibiting, (json, link) =>
        {
            json.WriteNumber("layer", link.Layer);
            json.WriteNumber("neuron", link.Neuron);
            json.WriteFinite("value", link.Value);
        });

    /// <summary>An object of two named lists, each item an object of the fields <paramref name="fields"/> writes.</summary>
    private static void Pair<T>(Utf8JsonWriter w, string name, string first, IReadOnlyList<T> a, string second, IReadOnlyList<T> b, Action<Utf8JsonWriter, T> fields)
    {
        w.WriteStartObject(name);
        foreach (var (key, items) in new[] { (first, a), (second, b) })
        {
            w.WriteStartArray(key);
            foreach (var item in items)
            {
                w.WriteStartObject();
                fields(w, item);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
