using System.Globalization;
using NeuroNav.Sample;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Scrape;

/// <summary>Neuron pages in the exact generator format: the literal example of docs/sources/neuroscope.md#literal-example, renumbered.</summary>
internal static class NeuroscopePages
{
    public const string Model = "gpt2-small";

    /// <summary>The example page as gpt2-small's page of (<paramref name="layer"/>, <paramref name="neuron"/>).</summary>
    public static byte[] Page(int layer, int neuron) =>
        NeuroscopePageWriter.Write(TestPages.Literal() with { Layer = layer, Neuron = neuron }, NeuroscopePageWriter.DefaultCircuitsVisVersion, TestPages.LiteralIds());

    /// <summary>The path the scraper asks for.</summary>
    public static string PathOf(int layer, int neuron) => string.Create(CultureInfo.InvariantCulture, $"/{Model}/{layer}/{neuron}.html");
}
