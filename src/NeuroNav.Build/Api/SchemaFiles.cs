namespace NeuroNav.Build.Api;

/// <summary>
/// The JSON Schemas (draft 2020-12) embedded in this assembly. <see cref="Names"/> are those of the generic documents, as
/// Neuroscope and the build write them: <see cref="SiteSchemas"/> completes them with the parts of the sources a build is
/// given. Each source module publishes its own (<see cref="Sources.SourceContributions.Schemas"/>).
/// </summary>
internal static class SchemaFiles
{
    public static readonly IReadOnlyList<string> Names = ["site-index", "model-index", "layer-index", "neuron", "neuroscope", "explanation-search"];

    public static Sources.SchemaFile File(string name) => new(name, Read(name));

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
