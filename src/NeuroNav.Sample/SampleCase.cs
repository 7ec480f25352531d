using NeuroNav.Core;

namespace NeuroNav.Sample;

/// <summary>A range of neurons of one layer the sample mirror covers: [FirstNeuron, EndNeuron).</summary>
public sealed record SampleRange(string Model, int Layer, int FirstNeuron, int EndNeuron)
{
    public IEnumerable<NeuronId> Neurons()
    {
        for (var n = FirstNeuron; n < EndNeuron; n++)
        {
            yield return new NeuronId(Model, Layer, n);
        }
    }
}

/// <summary>A deliberately unusual neuron path in the sample mirror and what a scrape of it must record.</summary>
/// <param name="Path">Path under the mirror root, e.g. <c>solu-1l/0/7.html</c>.</param>
public sealed record SampleCase(NeuronId Neuron, string Path, string Description, CoverageStatus Expected);
