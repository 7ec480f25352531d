namespace NeuroNav.Build.Api;

/// <summary>
/// The JSON Schemas (draft 2020-12) embedded in this assembly. <see cref="Names"/> are those of the generic documents; each
/// source module publishes its own (<see cref="Sources.SourceContributions.Schemas"/>).
/// </summary>
internal static class SchemaFiles
{
    public static readonly IReadOnlyList<string> Names = ["site-index", "model-index", "layer-index", "neuron", "neuroscope", "explanation-search"];

    public static Sources.SchemaFile File(string name) => new(name, Read(name));

    /// <summary>Every schema embedded in this assembly: the generic documents' and the built-in source modules'.</summary>
    public static IEnumerable<string> Embedded() =>
        typeof(SchemaFiles).Assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(Prefix, StringComparison.Ordinal) && r.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(r => r[Prefix.Length..^Suffix.Length])
            .Order(StringComparer.Ordinal);

    private const string Prefix = "NeuroNav.Build.Schemas.";
    private const string Suffix = ".schema.json";

    public static byte[] Read(string name)
    {
        var resource = Prefix + name + Suffix;
        using var stream = typeof(SchemaFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded schema '{resource}' is missing from {typeof(SchemaFiles).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
