using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Sample.Tests;

/// <summary>The literal examples of SOURCE-FORMATS and the catalog, for byte-exact tests.</summary>
internal static class Fixture
{
    public static ModelCatalog Catalog { get; } = ModelCatalog.Load(Repo.Path("content", "models.csv"));

    public static string Path(string name) => Repo.Path("tests", "NeuroNav.Sample.Tests", "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    /// <summary>The inputs of the literal page of SOURCE-FORMATS §1.7 (gpt2-small, layer 3, neuron 1337).</summary>
    public static NeuronPage LiteralPage() => new(
        Catalog["gpt2-small"],
        3,
        1337,
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

    public static FixedRenderIds LiteralIds() => new(
        "circuits-vis-0f6b1c7e-9a2d", "circuits-vis-3c5e8a10-41b7", "circuits-vis-7d2f4e91-c0a3", "circuits-vis-b81e6d2c-5f49");
}
