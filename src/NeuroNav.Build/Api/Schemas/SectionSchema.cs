using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroNav.Build.Sources;

namespace NeuroNav.Build.Api;

/// <summary>
/// A source's section as the neuron schema includes it: the schema of the source's key in its per-source document
/// (the schema the source publishes under its id), with the <c>$defs</c> the section refers to. A section that is one
/// <c>$ref</c> to a definition is that definition.
/// </summary>
/// <param name="Definitions">The per-source schema's definitions the section refers to, directly or through each other, in
/// the order first referred to.</param>
internal sealed record SectionSchema(ISectionSource Source, JsonNode Section, IReadOnlyList<(string Name, JsonNode Schema)> Definitions)
{
    private const string DefsPrefix = "#/$defs/";

    /// <exception cref="BuildException">The source publishes no schema under its id, or one without its section, or its
    /// section refers to something outside its own <c>$defs</c>; the message names the source and the schema.</exception>
    public static SectionSchema Of(ISectionSource source)
    {
        var id = source.Source.Id;
        var file = source.Contributions.Schemas.FirstOrDefault(s => s.Name == id)
            ?? throw new BuildException($"source '{id}' publishes no schema '{id}' for its per-source document: the neuron schema takes the source's section from it");
        JsonObject root;
        try
        {
            root = JsonNode.Parse(file.Bytes) as JsonObject ?? throw new BuildException($"schema '{id}' of source '{id}' is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new BuildException($"schema '{id}' of source '{id}' is not valid JSON: {e.Message}", e);
        }

        var key = source.Source.DocumentKey;
        var defs = root["$defs"] as JsonObject;
        var section = root["properties"]?[key]?.DeepClone()
            ?? throw new BuildException($"schema '{id}' of source '{id}' has no property '{key}' (the source's section in its per-source document)");
        if (section is JsonObject { Count: 1 } only && only["$ref"]?.GetValue<string>() is { } target)
        {
            section = Definition(id, defs, target).DeepClone();
        }

        var used = new List<(string Name, JsonNode Schema)>();
        var pending = new Queue<JsonNode>([section]);
        while (pending.TryDequeue(out var node))
        {
            foreach (var reference in References(node))
            {
                var name = DefinitionName(id, reference);
                if (used.All(u => u.Name != name))
                {
                    var definition = Definition(id, defs, reference).DeepClone();
                    used.Add((name, definition));
                    pending.Enqueue(definition);
                }
            }
        }

        return new SectionSchema(source, section, used);
    }

    /// <summary>Every <c>$ref</c> object under <paramref name="node"/> (itself included).</summary>
    public static IEnumerable<JsonObject> RefObjects(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue)
                {
                    yield return obj;
                }

                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(RefObjects))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>().SelectMany(RefObjects))
                {
                    yield return child;
                }

                break;
        }
    }

    /// <summary>The definition name a <c>#/$defs/&lt;name&gt;[/…]</c> reference points into.</summary>
    public static string DefinitionName(string source, string reference)
    {
        if (!reference.StartsWith(DefsPrefix, StringComparison.Ordinal))
        {
            throw new BuildException($"schema '{source}' of source '{source}': $ref '{reference}' is not one of its own $defs, so the neuron schema cannot include its section");
        }

        var rest = reference[DefsPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return Unescape(slash < 0 ? rest : rest[..slash]);
    }

    /// <summary>The reference to definition <paramref name="name"/>.</summary>
    public static string Reference(string name) => DefsPrefix + Escape(name);

    private static IEnumerable<string> References(JsonNode node) => RefObjects(node).Select(r => r["$ref"]!.GetValue<string>());

    private static JsonNode Definition(string source, JsonObject? defs, string reference)
    {
        var name = DefinitionName(source, reference);
        var definition = defs?[name] ?? throw new BuildException($"schema '{source}' of source '{source}': $ref '{reference}' names no definition of its $defs");
        if (reference != Reference(name))
        {
            throw new BuildException($"schema '{source}' of source '{source}': $ref '{reference}' points inside a definition; refer to whole definitions only");
        }

        return definition;
    }

    // JSON Pointer (RFC 6901): '~' is written "~0" and '/' "~1".
    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
