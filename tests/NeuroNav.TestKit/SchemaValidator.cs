using System.Text.Json;
using Json.Schema;

namespace NeuroNav.TestKit;

/// <summary>Checks JSON documents against the schemas a build published under <c>api/schema/</c>.</summary>
public sealed class SchemaValidator
{
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    public SchemaValidator(string outputRoot)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(outputRoot, "api", "schema"), "*.schema.json"))
        {
            var name = Path.GetFileName(file)[..^".schema.json".Length];
            _schemas[name] = JsonSchema.FromText(File.ReadAllText(file), new Json.Schema.BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
    }

    public IReadOnlyCollection<string> Names => _schemas.Keys;

    /// <summary>The errors of <paramref name="json"/> against the schema its <c>"schema"</c> key names; empty when valid.</summary>
    public IReadOnlyList<string> Errors(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var name = doc.RootElement.GetProperty("schema").GetString()!;
        if (!_schemas.TryGetValue(name, out var schema))
        {
            return [$"no schema '{name}'"];
        }

        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .DefaultIfEmpty("invalid")];
    }
}
