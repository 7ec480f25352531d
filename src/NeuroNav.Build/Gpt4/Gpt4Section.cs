using System.Text.Json;
using NeuroNav.Build.Sources;
using NeuroNav.Corpus.Gpt4;

namespace NeuroNav.Build.Gpt4;

/// <summary>One neuron's GPT-4 section: the JSON of <c>"GPT-4"</c>, the listing's score and explanation, and the page's view.</summary>
internal sealed class Gpt4Section(Gpt4Neuron neuron, IReadOnlyDictionary<(int Layer, int Neuron), RelatedInfo> related) : INeuronSection
{
    public Gpt4Neuron Neuron => neuron;

    /// <summary>The top explanation's <c>ev_correlation_score</c>, as the original NeuroNav published it.</summary>
    public double? Score => neuron.Explanations[0].EvCorrelationScore;

    public string? Summary => neuron.Explanations[0].Text;

    public object PageView => new Gpt4PageView(neuron, related);

    public RelatedInfo? RelatedOf(Gpt4RelatedNeuron r) => related.GetValueOrDefault((r.Layer, r.Neuron));

    public void WriteJson(Utf8JsonWriter writer) => Gpt4Json.Write(writer, this);
}
