using NeuroNav.Sample;

namespace NeuroNav.TestKit;

/// <summary>Full-size synthetic Neuroscope pages for tests, for models of the repository's catalog.</summary>
public static class TestPages
{
    /// <summary>A page of <paramref name="texts"/> × <paramref name="tokens"/> with the neuron a parser must read from it.</summary>
    public static RealisticPage Neuron(string model, int layer, int neuron, int texts = 20, int tokens = 1024, ulong seed = 1) =>
        RealisticPages.Neuron(SampleMirrorServer.Catalog[model], layer, neuron, texts, tokens, seed);
}
