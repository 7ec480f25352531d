using NeuroNav.Build.Api;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;
using NeuroNav.Build.Stats;
using NeuroNav.Core;

namespace NeuroNav.Build.Layers;

/// <summary>
/// A neuron's headline numbers: the largest Max Act over its texts, its colour range, its text count and the
/// statistics of its stored examples (<see cref="ActivationStatistics"/>).
/// </summary>
internal readonly record struct NeuronStatistics(float? MaxActivation, double? MaxRange, int Texts, ActivationStatistics Activations)
{
    public static readonly IReadOnlyList<string> NeuroscopeOnly = [SourceInfo.Neuroscope.AvailableLabel];

    public static NeuronStatistics Of(NeuroscopeNeuron neuron)
    {
        float? max = null;
        foreach (var text in neuron.Texts)
        {
            if (float.IsFinite(text.MaxActivation) && (max is null || text.MaxActivation > max))
            {
                max = text.MaxActivation;
            }
        }

        return new NeuronStatistics(max, JsonOutput.Finite(neuron.MaxRange), neuron.Texts.Count, ActivationStatistics.Of(neuron.Texts));
    }

    /// <summary>The neuron's listing row, with the scores and labels of the other sources' <paramref name="sections"/>.</summary>
    public NeuronSummary ToSummary(int neuron, IReadOnlyList<NeuronSection> sections)
    {
        if (sections.Count == 0)
        {
            return new(neuron, NeuroscopeOnly, MaxActivation, MaxRange) { Statistics = Activations };
        }

        var gpt4 = sections.FirstOrDefault(s => s.Source == SourceInfo.Gpt4)?.Data;
        var graph = sections.FirstOrDefault(s => s.Source == SourceInfo.Neuron2Graph)?.Data;
        return new(neuron, NeuronSections.Available(sections), MaxActivation, MaxRange, gpt4?.Score, gpt4?.Summary, graph?.Score)
        {
            Statistics = Activations,
        };
    }
}
