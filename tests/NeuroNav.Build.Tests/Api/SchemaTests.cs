using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Api;

public sealed class SchemaTests
{
    [Fact]
    public async Task Every_document_of_a_build_matches_its_published_schema()
    {
        using var site = new TinySite();
        await site.BuildAsync();
        var validator = new SchemaValidator(site.Output);
        Assert.Equal(["explanation-search", "gpt4", "layer-index", "model-index", "neuron", "neuron2graph", "neuroscope", "site-index", "token-index", "token-shard"], validator.Names.Order(StringComparer.Ordinal));

        var documents = site.Files().Where(f => f.EndsWith(".json", StringComparison.Ordinal) && !f.StartsWith("api/schema/", StringComparison.Ordinal) && f != "manifest.json").ToList();
        Assert.Equal(22, documents.Count); // site + 2 models + 3 layers + 8 neurons × (neuron, neuroscope)
        var errors = documents.SelectMany(f => validator.Errors(File.ReadAllText(site.File(f))).Select(e => $"{f}: {e}")).ToList();
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("api/tiny-a/0/1.json", "$.metadata.statistics", "texts")]
    [InlineData("api/tiny-a/0/1.json", "$.neuroscope.texts[0]", "tokens")]
    [InlineData("api/tiny-a/neuroscope/0/1.json", "$", "provenance")]
    [InlineData("api/tiny-a/0/index.json", "$.top[0]", "max_activation")]
    [InlineData("api/tiny-a/index.json", "$.layers[0]", "links")]
    [InlineData("api/index.json", "$.models[2].coverage", "gpt4")]
    public async Task Schema_rejects_a_document_missing_a_required_key(string sitePath, string objectPath, string key)
    {
        using var site = new TinySite();
        await site.BuildAsync();
        var validator = new SchemaValidator(site.Output);

        var doc = JsonNode.Parse(File.ReadAllText(site.File(sitePath)))!;
        Assert.Empty(validator.Errors(doc.ToJsonString()));
        Assert.True(Find(doc, objectPath).AsObject().Remove(key), $"{objectPath} has no key {key}");
        Assert.NotEmpty(validator.Errors(doc.ToJsonString()));
    }

    [Theory]
    [InlineData("api/tiny-a/0/1.json", "$.neuroscope.texts[0]", "extra")]
    [InlineData("api/tiny-a/0/index.json", "$", "extra")]
    [InlineData("api/index.json", "$.models[0]", "extra")]
    public async Task Schema_rejects_a_key_the_contract_does_not_have(string sitePath, string objectPath, string key)
    {
        using var site = new TinySite();
        await site.BuildAsync();
        var validator = new SchemaValidator(site.Output);

        var doc = JsonNode.Parse(File.ReadAllText(site.File(sitePath)))!;
        Find(doc, objectPath).AsObject().Add(key, 1);
        Assert.NotEmpty(validator.Errors(doc.ToJsonString()));
    }

    [Fact]
    public async Task Schema_rejects_a_string_where_an_activation_belongs()
    {
        using var site = new TinySite();
        await site.BuildAsync();
        var validator = new SchemaValidator(site.Output);

        var doc = JsonNode.Parse(File.ReadAllText(site.File("api/tiny-a/0/1.json")))!;
        doc["neuroscope"]!["texts"]![0]!["values"]![0] = "NaN";
        Assert.NotEmpty(validator.Errors(doc.ToJsonString()));
    }

    [Fact]
    public void Shared_definitions_are_identical_in_every_schema()
    {
        var definitions = new Dictionary<string, (string Schema, string Json)>(StringComparer.Ordinal);
        foreach (var name in NeuroNav.Build.Api.SchemaFiles.Names)
        {
            using var doc = JsonDocument.Parse(NeuroNav.Build.Api.SchemaFiles.Read(name));
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
            if (!doc.RootElement.TryGetProperty("$defs", out var defs))
            {
                continue; // a schema with no shared definitions
            }

            foreach (var def in defs.EnumerateObject())
            {
                var json = def.Value.GetRawText();
                if (definitions.TryGetValue(def.Name, out var seen))
                {
                    Assert.True(seen.Json == json, $"$defs/{def.Name} differs between {seen.Schema} and {name}");
                }
                else
                {
                    definitions[def.Name] = (name, json);
                }
            }
        }

        Assert.Contains("neuroscope", definitions.Keys);
    }

    private static JsonNode Find(JsonNode root, string path)
    {
        var node = root;
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0 ? node[part]! : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        return node;
    }
}
