using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroNav.Build.Sources;

namespace NeuroNav.Build.Api;

/// <summary>
/// The JSON Schemas a build publishes under <c>/api/schema/</c> for the sources it is given. The generic documents'
/// schemas (<see cref="SchemaFiles.Names"/>) hold what Neuroscope and the build write; the neuron, layer index, model
/// index and site index schemas are completed with each source's part: its key in the neuron document (its section,
/// taken from its per-source schema, or null), its coverage key, its <c>available</c> label, its id and its listing
/// columns (a number column is <c>number|null</c>, a text column <c>string|null</c>). Then each source's own schemas.
/// </summary>
internal static class SiteSchemas
{
    private static readonly JsonWriterOptions Format = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    /// <exception cref="BuildException">A source's section schema cannot be included; the message names the source.</exception>
    public static IReadOnlyList<SchemaFile> For(SourceSet sources)
    {
        var sections = sources.Sections.Select(SectionSchema.Of).ToList();
        var assembled = new Dictionary<string, Func<JsonObject, JsonObject>>(StringComparer.Ordinal)
        {
            ["site-index"] = s => SiteIndex(s, sources),
            ["model-index"] = s => Listing(s, sources),
            ["layer-index"] = s => Listing(s, sources),
            ["neuron"] = s => Neuron(s, sections),
        };
        return
        [
            .. SchemaFiles.Names.Select(name => assembled.TryGetValue(name, out var complete)
                ? new SchemaFile(name, Write(complete(Template(name))))
                : SchemaFiles.File(name)),
            .. sources.Schemas,
        ];
    }

    private static JsonObject Neuron(JsonObject schema, IReadOnlyList<SectionSchema> sections)
    {
        var defs = At(schema, "$defs");
        foreach (var section in sections)
        {
            var info = section.Source.Source;
            AddProperty(schema, info.DocumentKey, new JsonObject { ["anyOf"] = new JsonArray(Include(section, defs), new JsonObject { ["type"] = "null" }) });
            AddProperty(At(schema, "properties", "metadata", "properties", "coverage"), info.Id, Ref("source_coverage"));
            Enum(At(defs, "available")).Add(info.AvailableLabel);
        }

        return schema;
    }

    /// <summary>A layer index or model index: coverage per source, <c>available</c> labels, each neuron row's columns.</summary>
    private static JsonObject Listing(JsonObject schema, SourceSet sources)
    {
        var defs = At(schema, "$defs");
        Coverage(At(defs, "coverage"), sources);
        foreach (var section in sources.Sections)
        {
            Enum(At(defs, "available")).Add(section.Source.AvailableLabel);
        }

        foreach (var column in sources.Columns)
        {
            var type = new JsonObject { ["type"] = new JsonArray(column.Kind == ColumnKind.Number ? "number" : "string", "null") };
            if (column.Description is { } description)
            {
                type["description"] = description;
            }

            AddProperty(At(defs, "summary"), column.Key, type);
        }

        return schema;
    }

    private static JsonObject SiteIndex(JsonObject schema, SourceSet sources)
    {
        Coverage(At(schema, "$defs", "coverage"), sources);
        var ids = At(schema, "properties", "sources", "items", "properties", "id");
        foreach (var section in sources.Sections)
        {
            Enum(ids).Add(section.Source.Id);
        }

        return schema;
    }

    private static void Coverage(JsonObject coverage, SourceSet sources)
    {
        foreach (var section in sources.Sections)
        {
            AddProperty(coverage, section.Source.Id, Ref("counts"));
        }
    }

    /// <summary>
    /// The section, its definitions added to <paramref name="defs"/>: under their own name when it is free or holds the
    /// same schema, else under <c>&lt;source id&gt;_&lt;name&gt;</c>, with the section's references following.
    /// </summary>
    private static JsonNode Include(SectionSchema section, JsonObject defs)
    {
        var id = section.Source.Source.Id;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _) in section.Definitions)
        {
            names[name] = !defs.ContainsKey(name) || JsonNode.DeepEquals(defs[name], section.Definitions.First(d => d.Name == name).Schema) ? name : $"{id}_{name}";
            if (names[name] != name && defs.ContainsKey(names[name]))
            {
                throw new BuildException($"schema '{id}' of source '{id}': its definition '{name}' differs from the neuron schema's, and '{names[name]}' is taken too");
            }
        }

        foreach (var node in section.Definitions.Select(d => d.Schema).Prepend(section.Section))
        {
            foreach (var reference in SectionSchema.RefObjects(node))
            {
                reference["$ref"] = SectionSchema.Reference(names[SectionSchema.DefinitionName(id, reference["$ref"]!.GetValue<string>())]);
            }
        }

        foreach (var (name, schema) in section.Definitions.Where(d => !defs.ContainsKey(names[d.Name])))
        {
            defs[names[name]] = schema;
        }

        return section.Section;
    }

    /// <summary>Adds a required property at the end of an object schema's <c>required</c> and <c>properties</c>.</summary>
    private static void AddProperty(JsonObject objectSchema, string key, JsonNode schema)
    {
        var properties = At(objectSchema, "properties");
        if (properties.ContainsKey(key))
        {
            throw new BuildException($"two parts of the site's schemas both define '{key}': a source's key, coverage id or column collides with another's or with the build's own");
        }

        ((JsonArray)objectSchema["required"]!).Add(key);
        properties[key] = schema;
    }

    private static JsonArray Enum(JsonObject schema) => (JsonArray)(schema["items"] ?? schema)["enum"]!;

    private static JsonObject Ref(string definition) => new() { ["$ref"] = SectionSchema.Reference(definition) };

    private static JsonObject At(JsonObject schema, params string[] path) =>
        path.Aggregate(schema, (node, key) => node[key] as JsonObject ?? throw new InvalidOperationException($"embedded schema template has no object at {string.Join('/', path)}"));

    private static JsonObject Template(string name) => (JsonObject)JsonNode.Parse(SchemaFiles.Read(name))!;

    /// <summary>Indented with two spaces, non-ASCII text as it is, one line feed at the end: as the embedded schemas are written.</summary>
    private static byte[] Write(JsonNode schema)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Format))
        {
            schema.WriteTo(writer);
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }
}
