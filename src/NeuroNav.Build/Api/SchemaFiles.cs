namespace NeuroNav.Build.Api;

/// <summary>The JSON Schemas (draft 2020-12) of the five document types, embedded in this assembly.</summary>
internal static class SchemaFiles
{
    public static readonly IReadOnlyList<string> Names = ["site-index", "model-index", "layer-index", "neuron", "neuroscope", "gpt4", "neuron2graph", "token-index", "token-shard", "explanation-search"];

    public static byte[] Read(string name)
    {
        var resource = $"NeuroNav.Build.Schemas.{name}.schema.json";
        using var stream = typeof(SchemaFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded schema '{resource}' is missing from {typeof(SchemaFiles).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
