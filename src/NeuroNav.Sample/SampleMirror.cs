using NeuroNav.Core;

namespace NeuroNav.Sample;

/// <summary>Writes the offline sample: a small mirror of neuroscope.io in its exact format, from deterministic synthetic data.</summary>
public static class SampleMirror
{
    /// <summary>Writes the mirror under <paramref name="directory"/> (its root is the site root of neuroscope.io).</summary>
    public static void Generate(string directory, ModelCatalog catalog) => throw new NotImplementedException($"{directory} {catalog}");
}
