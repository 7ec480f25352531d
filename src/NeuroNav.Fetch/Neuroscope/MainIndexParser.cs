using NeuroNav.Core;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>One row of neuroscope.io's "Supported models" table (SOURCE-FORMATS §1.2).</summary>
public sealed record IndexRow(
    string Model,
    string ActivationFunction,
    string Dataset,
    int Layers,
    int NeuronsPerLayer,
    long TotalNeurons,
    long Parameters);

/// <summary>Parses neuroscope.io's main index page, both the comma and the bare-number variant.</summary>
public static class MainIndexParser
{
    /// <summary>Throws <see cref="FormatException"/> naming <paramref name="url"/> when no models table is found.</summary>
    public static IReadOnlyList<IndexRow> Parse(string html, string url) => throw new NotImplementedException();

    /// <summary>Every disagreement between the live table and the catalog, one readable line each; empty when they agree.</summary>
    public static IReadOnlyList<string> Compare(ModelCatalog catalog, IReadOnlyList<IndexRow> live) => throw new NotImplementedException();
}
