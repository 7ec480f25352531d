using NeuroNav.Core;
using NeuroNav.Sample;

namespace NeuroNav.TestKit;

/// <summary>Neuroscope pages for tests, for models of the repository's catalog: synthetic full-size ones and the literal docs/sources/neuroscope.md#literal-example page.</summary>
public static class TestPages
{
    /// <summary>The neuron of the literal page of docs/sources/neuroscope.md#literal-example (<see cref="SourceFixtures.NeuronPage"/>).</summary>
    public static NeuronId LiteralId { get; } = new("gpt2-small", 3, 1337);

    /// <summary>A page of <paramref name="texts"/> × <paramref name="tokens"/> with the neuron a parser must read from it.</summary>
    public static RealisticPage Neuron(string model, int layer, int neuron, int texts = 20, int tokens = 1024, ulong seed = 1) =>
        RealisticPages.Neuron(SampleMirrorServer.Catalog[model], layer, neuron, texts, tokens, seed);

    /// <summary>The inputs of the literal page of docs/sources/neuroscope.md#literal-example (gpt2-small, layer 3, neuron 1337).</summary>
    public static NeuronPage Literal() => new(
        SampleMirrorServer.Catalog[LiteralId.Model],
        LiteralId.Layer,
        LiteralId.Neuron,
        [
            new PageText(
                ["<|endoftext|>", "The", " cat", " sat", " on", " the"],
                [-0.0123f, 0.0456f, 2.8752f, -0.1699f, 0.0005f, 1.25f],
                4521789,
                "Open Web Text"),
            new PageText(
                ["<|endoftext|>", "He", " said", " \"", "hi", "\"\n"],
                [0.0f, -2e-05f, 0.7071f, 1.5f, -0.16997f, 1e-06f],
                88,
                "Open Web Text"),
        ]);

    /// <summary>The four render ids of the literal page, in page order.</summary>
    public static FixedRenderIds LiteralIds() => new(
        "circuits-vis-0f6b1c7e-9a2d", "circuits-vis-3c5e8a10-41b7", "circuits-vis-7d2f4e91-c0a3", "circuits-vis-b81e6d2c-5f49");

    /// <summary>
    /// <paramref name="page"/> as <see cref="NeuroscopePageWriter"/> writes it (CircuitsVis 1.38.1 unless given), with
    /// deterministic render ids.
    /// </summary>
    public static byte[] Write(NeuronPage page, string? circuitsVisVersion = NeuroscopePageWriter.DefaultCircuitsVisVersion) =>
        NeuroscopePageWriter.Write(page, circuitsVisVersion, new SeededRenderIds(1));
}
