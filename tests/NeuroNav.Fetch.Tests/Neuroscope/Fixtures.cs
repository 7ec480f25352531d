using System.Text;
using NeuroNav.Core;
using NeuroNav.Sample;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Neuroscope;

/// <summary>The literal pages of docs/sources/neuroscope.md#fixtures-and-tests and pages written by the sample generator, for the parser tests.</summary>
internal static class Fixtures
{
    /// <summary>docs/sources/neuroscope.md#literal-example: gpt2-small layer 3 neuron 1337, 2 texts of 6 tokens.</summary>
    public static byte[] LiteralPage => SourceFixtures.Read(SourceFixtures.NeuronPage);

    public static string LiteralPageText => Encoding.UTF8.GetString(LiteralPage);

    public static NeuronId LiteralId => TestPages.LiteralId;

    public static Provenance Provenance { get; } =
        new("https://neuroscope.io/gpt2-small/3/1337.html", new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), new string('a', 64), 3434);

    public static string ReadText(string name) => SourceFixtures.ReadText(name);

    /// <summary>A realistic gpt2-small L3 N1337 page: <paramref name="texts"/> texts of <paramref name="tokens"/> tokens.</summary>
    public static RealisticPage Synthetic(int texts, int tokens, int seed = 1) =>
        TestPages.Neuron(LiteralId.Model, LiteralId.Layer, LiteralId.Neuron, texts, tokens, (ulong)seed);

    /// <summary>The inputs of a gpt2-small L3 N1337 page with the given texts (data index 4521789, "Open Web Text").</summary>
    public static NeuronPage Page(params PageText[] texts) =>
        new(SampleMirrorServer.Catalog[LiteralId.Model], LiteralId.Layer, LiteralId.Neuron, texts);

    /// <summary>A page of one text.</summary>
    public static NeuronPage OneText(string[] tokens, float[] values) => Page(Text(tokens, values));

    public static PageText Text(string[] tokens, float[] values, long dataIndex = 4521789, string dataset = "Open Web Text") =>
        new(tokens, values, dataIndex, dataset);

    /// <summary>The page as the generator writes it, as text (pure ASCII).</summary>
    public static string Write(NeuronPage page, string? circuitsVisVersion = NeuroscopePageWriter.DefaultCircuitsVisVersion) =>
        Encoding.ASCII.GetString(TestPages.Write(page, circuitsVisVersion));
}
