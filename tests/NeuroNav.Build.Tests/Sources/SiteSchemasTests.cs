using System.Text;
using System.Text.Json.Nodes;
using NeuroNav.Build.Api;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Build.Sources;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Sources;

/// <summary>
/// The site's schemas are assembled from what each source declares: a build with fewer sources publishes fewer keys, and
/// a source whose per-source schema cannot give the neuron schema its section stops the build, naming the source.
/// </summary>
public sealed class SiteSchemasTests
{
    [Fact]
    public async Task A_build_given_only_Neuroscope_has_no_other_source_in_its_documents_or_schemas()
    {
        using var site = new TinySite { Sources = [] };
        await site.BuildAsync();

        var doc = JsonNode.Parse(File.ReadAllText(site.File("api/tiny-a/0/1.json")))!.AsObject();
        Assert.Equal("neuroscope", doc.Last().Key);
        Assert.Equal(["neuroscope"], doc["metadata"]!["coverage"]!.AsObject().Select(p => p.Key));
        var row = JsonNode.Parse(File.ReadAllText(site.File("api/tiny-a/0/index.json")))!["neurons"]![0]!.AsObject();
        Assert.Equal("top_token_share", row.Last().Key);
        var validator = new SchemaValidator(site.Output);
        Assert.Equal(["explanation-search", "layer-index", "model-index", "neuron", "neuroscope", "site-index"], validator.Names.Order(StringComparer.Ordinal));
        foreach (var name in new[] { "neuron", "layer-index", "model-index", "site-index" })
        {
            var schema = File.ReadAllText(site.File($"api/schema/{name}.schema.json"));
            Assert.DoesNotContain("GPT-4", schema, StringComparison.Ordinal);
            Assert.DoesNotContain("gpt4", schema, StringComparison.Ordinal);
            Assert.DoesNotContain("neuron2graph", schema, StringComparison.Ordinal);
        }

        var report = await new NeuroNav.Build.Verify.SiteVerifier(TinySite.Catalog, site.Sources).VerifyAsync(site.Output, null, CancellationToken.None);
        Assert.DoesNotContain(report.Problems, p => p.What.Contains("schema", StringComparison.Ordinal));
        Assert.Equal(22, report.Documents);
    }

    [Fact]
    public async Task A_source_without_a_schema_under_its_id_stops_the_build_before_writing_and_is_named()
    {
        using var site = new TinySite();
        site.Use(new Stub(null));

        var error = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync());

        Assert.Equal("source 'stub' publishes no schema 'stub' for its per-source document: the neuron schema takes the source's section from it", error.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("""{ "properties": { "other": {} } }""", "schema 'stub' of source 'stub' has no property 'stub' (the source's section in its per-source document)")]
    [InlineData("""{ "properties": { "stub": { "$ref": "neuroscope.schema.json#/$defs/text" } } }""", "schema 'stub' of source 'stub': $ref 'neuroscope.schema.json#/$defs/text' is not one of its own $defs, so the neuron schema cannot include its section")]
    [InlineData("""{ "properties": { "stub": { "type": "object", "properties": { "a": { "$ref": "#/$defs/gone" } } } } }""", "schema 'stub' of source 'stub': $ref '#/$defs/gone' names no definition of its $defs")]
    [InlineData("""{ "properties": { "stub": { "$ref": "#/$defs/a/properties/b" } }, "$defs": { "a": {} } }""", "schema 'stub' of source 'stub': $ref '#/$defs/a/properties/b' points inside a definition; refer to whole definitions only")]
    [InlineData("""[1, 2]""", "schema 'stub' of source 'stub' is not a JSON object")]
    public void A_section_schema_the_neuron_schema_cannot_include_is_refused_with_the_reason(string schema, string message)
    {
        var error = Assert.Throws<BuildException>(() => SiteSchemas.For(new SourceSet([new Stub(schema)])));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_column_named_like_a_key_of_the_build_is_refused()
    {
        var stub = new Stub("""{ "properties": { "stub": { "type": "object" } } }""", SourceColumn.Number(Stub.Info, "max_activation", "Max", s => s.Score));

        var error = Assert.Throws<BuildException>(() => SiteSchemas.For(new SourceSet([stub])));

        Assert.Contains("'max_activation'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_equal_to_the_neuron_schemas_own_is_shared_and_a_different_one_kept_apart()
    {
        var provenance = JsonNode.Parse(SchemaFiles.Read("neuron"))!["$defs"]!["provenance"]!.ToJsonString();
        var stub = new Stub($$"""
            {
              "properties": { "stub": { "type": "object", "properties": { "p": { "$ref": "#/$defs/provenance" }, "t": { "$ref": "#/$defs/text" } } } },
              "$defs": { "provenance": {{provenance}}, "text": { "$ref": "#/$defs/words" }, "words": { "type": "string" } }
            }
            """);

        var neuron = JsonNode.Parse(SiteSchemas.For(new SourceSet([stub])).Single(s => s.Name == "neuron").Bytes)!;

        var section = neuron["properties"]!["stub"]!["anyOf"]![0]!["properties"]!;
        Assert.Equal("#/$defs/provenance", section["p"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/$defs/stub_text", section["t"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/$defs/words", neuron["$defs"]!["stub_text"]!["$ref"]!.GetValue<string>());
        Assert.Equal("string", neuron["$defs"]!["words"]!["type"]!.GetValue<string>());
        Assert.Null(neuron["$defs"]!["stub_provenance"]);
    }

    [Fact]
    public void The_built_in_modules_give_the_schemas_byte_for_byte_in_document_and_column_order_whatever_order_they_are_given_in()
    {
        var given = SiteSchemas.For(new SourceSet([Gpt4Module.WithoutData, Neuron2GraphModule.WithoutData])).Single(s => s.Name == "neuron").Bytes;
        var reversed = SiteSchemas.For(new SourceSet([Neuron2GraphModule.WithoutData, Gpt4Module.WithoutData])).Single(s => s.Name == "neuron").Bytes;

        Assert.Equal(File.ReadAllBytes(Repo.Path("tests", "NeuroNav.Build.Tests", "Snapshots", "schemas", "neuron.schema.json")), given);
        Assert.Equal(given, reversed);
    }

    /// <summary>A source with no data: its per-source schema is <paramref name="schema"/> (none when null).</summary>
    private sealed class Stub(string? schema, params SourceColumn[] columns) : ISectionSource
    {
        public static readonly SourceInfo Info = new("stub", "Stub Label", "stub");

        public SourceInfo Source => Info;

        public SourceContributions Contributions => new("https://example.org/stub", "Stub", "Stub")
        {
            Columns = columns,
            Schemas = schema is null ? [] : [new SchemaFile("stub", Encoding.UTF8.GetBytes(schema))],
        };

        public Task<ILayerSections> LoadLayerAsync(ModelInfo model, int layer, CancellationToken ct) => Task.FromResult<ILayerSections>(EmptyLayerSections.Instance);
    }
}
