using NeuroNav.Build.Api;
using NeuroNav.Build.Pages;
using NeuroNav.Core;

namespace NeuroNav.Build.Layers;

/// <summary>A neuron's headline numbers: the largest Max Act over its texts, its colour range and its text count.</summary>
internal readonly record struct NeuronStatistics(float? MaxActivation, double? MaxRange, int Texts)
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

        return new NeuronStatistics(max, JsonOutput.Finite(neuron.MaxRange), neuron.Texts.Count);
    }

    public NeuronSummary ToSummary(int neuron) => new(neuron, NeuroscopeOnly, MaxActivation, MaxRange);
}
