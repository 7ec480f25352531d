using NeuroNav.Core;
using NeuroNav.Sample.Synthetic;

namespace NeuroNav.Sample;

/// <summary>A synthetic neuron page at real size: its inputs, its bytes and what a parser must read from them.</summary>
public sealed record RealisticPage(NeuronPage Input, byte[] Html, NeuroscopeNeuron Expected);

/// <summary>
/// Full-size synthetic Neuroscope pages for benchmarks and load tests (20 texts × 1024 tokens by default),
/// deterministic for a given seed and neuron.
/// </summary>
public static class RealisticPages
{
    /// <summary>The inputs of a full-size page.</summary>
    public static NeuronPage Input(ModelInfo model, int layer, int neuron, int texts = 20, int tokens = 1024, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        var key = ((ulong)(uint)layer << 32) | (uint)neuron;
        var spec = new SyntheticNeuronSpec(model, layer, neuron, SplitMix64.Derive(seed, key), texts, tokens, tokens);
        return SyntheticNeuron.Page(spec);
    }

    /// <summary>A full-size page with its expected parse; <see cref="Provenance.Url"/> is the path <c>model/layer/neuron.html</c>.</summary>
    public static RealisticPage Neuron(ModelInfo model, int layer, int neuron, int texts = 20, int tokens = 1024, ulong seed = 1)
    {
        var input = Input(model, layer, neuron, texts, tokens, seed);
        var html = NeuroscopePageWriter.Write(input, NeuroscopePageWriter.DefaultCircuitsVisVersion, new SeededRenderIds(seed ^ (ulong)neuron));
        var provenance = new Provenance($"{input.Id}.html", DateTimeOffset.UnixEpoch, Hashing.Sha256Hex(html), html.Length);
        return new RealisticPage(input, html, ExpectedNeuron.From(input, NeuroscopePageWriter.DefaultCircuitsVisVersion, provenance));
    }
}
