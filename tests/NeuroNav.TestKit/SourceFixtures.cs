using System.Text;

namespace NeuroNav.TestKit;

/// <summary>
/// The literal pages of docs/sources/neuroscope.md#fixtures-and-tests, byte for byte, embedded in this assembly from Fixtures/Neuroscope
/// (kept free of line-ending conversion by the folder's .gitattributes).
/// </summary>
public static class SourceFixtures
{
    /// <summary>docs/sources/neuroscope.md#literal-example: gpt2-small layer 3 neuron 1337, 2 texts of 6 tokens, 3434 bytes, no trailing newline.</summary>
    public const string NeuronPage = "gpt2-small-3-1337.html";

    /// <summary>docs/sources/neuroscope.md#main-index-page: the main index as Neuroscope's generator writes it (thousands separators, documentation div).</summary>
    public const string MainIndex = "main-index.html";

    /// <summary>docs/sources/neuroscope.md#two-generators-of-the-main-index: the older main index (bare numbers, no documentation div).</summary>
    public const string MainIndexBare = "main-index-bare.html";

    /// <summary>docs/sources/neuroscope.md#model-index-page: the model index of solu-2l.</summary>
    public const string ModelIndex = "solu-2l-index.html";

    private const string Prefix = "NeuroNav.TestKit.Fixtures.Neuroscope.";

    public static byte[] Read(string name)
    {
        using var stream = typeof(SourceFixtures).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new FileNotFoundException($"no embedded fixture '{name}' in {typeof(SourceFixtures).Assembly.GetName().Name}", name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string ReadText(string name) => Encoding.UTF8.GetString(Read(name));
}
