using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Sample.Tests;

/// <summary>The catalog and the fixtures of this project; the docs/sources/neuroscope.md#fixtures-and-tests literals live in <see cref="SourceFixtures"/>.</summary>
internal static class Fixture
{
    public static ModelCatalog Catalog => SampleMirrorServer.Catalog;

    public static string Path(string name) => Repo.Path("tests", "NeuroNav.Sample.Tests", "Fixtures", name);

    /// <summary>The inputs of the literal page of docs/sources/neuroscope.md#literal-example (gpt2-small, layer 3, neuron 1337).</summary>
    public static NeuronPage LiteralPage() => TestPages.Literal();

    public static FixedRenderIds LiteralIds() => TestPages.LiteralIds();
}
