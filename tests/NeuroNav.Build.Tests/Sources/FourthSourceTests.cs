using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using NeuroNav.Build.Html;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Build.Verify;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Sources;

/// <summary>
/// Adding a source is a matter of one module: <see cref="ToyWeightsSource"/>, defined in this test project only, shows up
/// in every place a source belongs on a site built from the tiny corpus (beside the built-in modules, without data), its
/// section and column are in the schemas the site publishes and <c>verify</c> checks, and no file of <c>src/</c> names it.
/// </summary>
public sealed class FourthSourceTests : IDisposable
{
    private static readonly NeuronId WithNorm = new("tiny-a", 0, 1);
    private static readonly NeuronId OnlyToy = new("tiny-a", 0, 6);
    private static readonly NeuronId Invalid = new("tiny-a", 0, 2);

    private readonly TinySite _site = new();
    private readonly TempDirectory _templates = new("neuronav-toy-templates");

    public FourthSourceTests()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Path("templates"), "*.sbn"))
        {
            File.Copy(file, _templates.Combine(Path.GetFileName(file)));
        }

        File.WriteAllText(_templates.Combine(ToyWeightsSource.Info.Id + ".sbn"), ToyWeightsSource.Template);
        _site.Corpus.Cover(OnlyToy, CoverageStatus.Present, ToyWeightsSource.Info.Id);
        _site.Corpus.Cover(Invalid, CoverageStatus.Invalid, ToyWeightsSource.Info.Id);
    }

    /// <param name="models">The models to build; tiny-a when none are given (verify wants them all, for the site index's links).</param>
    private async Task BuildAsync(params string[] models)
    {
        var renderer = ScribanPageRenderer.Load(_templates.Path, Repo.Path("content"), "0.1.0");
        var toy = new ToyWeightsSource(new Dictionary<NeuronId, double> { [WithNorm] = 1.25, [OnlyToy] = 3.5 });
        _site.Use(toy);
        await new SiteBuilder(_site.Corpus, TinySite.Catalog, renderer, _site.Sources).BuildAsync(new BuildOptions(_site.Output, models.Length == 0 ? ["tiny-a"] : models), null, CancellationToken.None);
    }

    private Task<VerifyReport> VerifyAsync() => new SiteVerifier(TinySite.Catalog, _site.Sources).VerifyAsync(_site.Output, null, CancellationToken.None);

    /// <summary>Rewrites one document of the built site (<c>verify</c> then also finds it altered against the manifest).</summary>
    private void Tamper(string path, Action<JsonNode> change)
    {
        var doc = JsonNode.Parse(File.ReadAllText(_site.File(path)))!;
        change(doc);
        File.WriteAllText(_site.File(path), doc.ToJsonString());
    }

    private JsonElement Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(_site.File(path)));
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Neuron_document_has_the_toy_key_label_and_coverage_after_the_built_in_sources()
    {
        await BuildAsync();

        var doc = Read("api/tiny-a/0/1.json");
        Assert.Equal(["neuroscope", "neuron2graph", "GPT-4", "toyweights"], doc.EnumerateObject().Select(p => p.Name).Skip(7));
        Assert.Equal(1.25, doc.GetProperty("toyweights").GetProperty("norm").GetDouble());
        Assert.Equal(["Max Activating Dataset Example", "Toy Weight Norm"], doc.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
        var coverage = doc.GetProperty("metadata").GetProperty("coverage");
        Assert.Equal(["neuroscope", "neuron2graph", "gpt4", "toyweights"], coverage.EnumerateObject().Select(p => p.Name));
        Assert.Equal("present", coverage.GetProperty("toyweights").GetProperty("status").GetString());

        var invalid = Read("api/tiny-a/0/2.json");
        Assert.Equal(JsonValueKind.Null, invalid.GetProperty("toyweights").ValueKind);
        Assert.Equal("invalid", invalid.GetProperty("metadata").GetProperty("coverage").GetProperty("toyweights").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Toy_source_gets_its_per_source_document_and_makes_a_neuron_neuroscope_lacks()
    {
        await BuildAsync();

        var own = Read("api/tiny-a/toyweights/0/1.json");
        Assert.Equal("toyweights", own.GetProperty("schema").GetString());
        Assert.Equal(1.25, own.GetProperty("toyweights").GetProperty("norm").GetDouble());
        Assert.False(File.Exists(_site.File("api/tiny-a/toyweights/0/0.json")));

        var only = Read("api/tiny-a/0/6.json");
        Assert.Equal(["Toy Weight Norm"], only.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
        Assert.True(File.Exists(_site.File("tiny-a/0/6.html")));
        Assert.True(File.Exists(_site.File("api/schema/toyweights.schema.json")));
        Assert.Equal("0/1\n0/6", File.ReadAllText(_site.File("api/tiny-a/toyweights/neurons.txt")));
    }

    [Fact]
    public async Task Neuron_page_shows_the_toy_template_its_label_and_why_it_lacks_a_neuron()
    {
        await BuildAsync();

        var parser = new HtmlParser();
        var page = parser.ParseDocument(File.ReadAllText(_site.File("tiny-a/0/1.html")));
        Assert.Equal("1.25", page.QuerySelector("section#toyweights p.toy-norm")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("dl.facts dt"), dt => dt.TextContent == "Toy weight norm");

        var invalid = parser.ParseDocument(File.ReadAllText(_site.File("tiny-a/0/2.html")));
        Assert.Null(invalid.QuerySelector("section#toyweights"));
        Assert.Contains(invalid.QuerySelectorAll("dl.facts dt"), dt => dt.TextContent == "Toy weights");
    }

    [Fact]
    public async Task Listings_carry_the_toy_column_and_coverage()
    {
        await BuildAsync();

        var layer = Read("api/tiny-a/0/index.json");
        var rows = layer.GetProperty("neurons").EnumerateArray().ToDictionary(r => r.GetProperty("neuron").GetInt32());
        Assert.Equal(1.25, rows[1].GetProperty("toyweights_norm").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("toyweights_norm").ValueKind);
        var coverage = layer.GetProperty("coverage").GetProperty("toyweights");
        Assert.Equal(1, coverage.GetProperty("present").GetInt32());
        Assert.Equal(1, coverage.GetProperty("invalid").GetInt32());
        Assert.Equal(1, Read("api/tiny-a/index.json").GetProperty("coverage").GetProperty("toyweights").GetProperty("present").GetInt32());
        Assert.Contains(Read("api/index.json").GetProperty("sources").EnumerateArray(), s => s.GetProperty("id").GetString() == "toyweights");

        var page = new HtmlParser().ParseDocument(File.ReadAllText(_site.File("tiny-a/0/index.html")));
        var headings = page.QuerySelectorAll("table#neurons thead th").ToList();
        var norm = headings.FindIndex(th => th.GetAttribute("data-key") == "toyweights_norm");
        Assert.Equal("Norm", headings[norm].TextContent);
        Assert.Equal("1.25", page.QuerySelector("table#neurons tr[data-neuron='1']")!.Children[norm].TextContent);
        Assert.Contains(page.QuerySelectorAll("table.coverage td"), td => td.TextContent == "Toy Weight Norm");
    }

    [Fact]
    public async Task Site_with_the_toy_source_verifies_against_schemas_that_hold_its_section_column_and_coverage()
    {
        await BuildAsync("tiny-a", "tiny-b");

        var report = await VerifyAsync();

        Assert.Empty(report.Problems);
        Assert.Equal(25, report.Documents); // the site index, 2 model and 3 layer indexes, 9 neurons, 8 Neuroscope and 2 toy documents
        var neuron = JsonNode.Parse(File.ReadAllText(_site.File("api/schema/neuron.schema.json")))!;
        Assert.Equal("toyweights", neuron["required"]!.AsArray()[^1]!.GetValue<string>());
        Assert.Equal("number", neuron["properties"]!["toyweights"]!["anyOf"]![0]!["properties"]!["norm"]!["type"]!.GetValue<string>());
        Assert.Equal("#/$defs/toyweights_provenance", neuron["properties"]!["toyweights"]!["anyOf"]![0]!["properties"]!["provenance"]!["$ref"]!.GetValue<string>());
        Assert.Contains("Toy Weight Norm", neuron["$defs"]!["available"]!["items"]!["enum"]!.AsArray().Select(l => l!.GetValue<string>()));
        var layer = JsonNode.Parse(File.ReadAllText(_site.File("api/schema/layer-index.schema.json")))!;
        Assert.Equal(["number", "null"], layer["$defs"]!["summary"]!["properties"]!["toyweights_norm"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("#/$defs/counts", layer["$defs"]!["coverage"]!["properties"]!["toyweights"]!["$ref"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("api/tiny-a/0/1.json", "/toyweights/norm", "'neuron': /toyweights/norm: Value is \"string\" but should be \"number\"")]
    [InlineData("api/tiny-a/0/6.json", "/toyweights/provenance", "'neuron': /toyweights/provenance: Expected ")]
    [InlineData("api/tiny-a/0/index.json", "/neurons/1/toyweights_norm", "'layer-index': /neurons/1/toyweights_norm: Value is \"string\" but should be \"number, null\"")]
    [InlineData("api/tiny-a/index.json", "/coverage/toyweights", "'model-index': /coverage: Required properties [\"toyweights\"] are not present")]
    [InlineData("api/index.json", "/sources/3/id", "'site-index': /sources/3/id: ")]
    public async Task Verify_finds_a_toy_value_its_schema_forbids(string path, string where, string expected)
    {
        await BuildAsync("tiny-a", "tiny-b");
        Tamper(path, doc =>
        {
            switch (where)
            {
                case "/toyweights/norm": doc["toyweights"]!["norm"] = "1.25"; break;
                case "/toyweights/provenance": doc["toyweights"]!["provenance"] = new JsonObject { ["url"] = "https://example.org" }; break;
                case "/neurons/1/toyweights_norm": doc["neurons"]![1]!["toyweights_norm"] = "high"; break;
                case "/coverage/toyweights": doc["coverage"]!.AsObject().Remove("toyweights"); break;
                default: doc["sources"]![3]!["id"] = "toyweight"; break;
            }
        });

        var problems = (await VerifyAsync()).Problems.Where(p => p.Path == path).Select(p => p.ToString()).ToList();

        Assert.True(problems.Any(p => p.Contains($"does not match schema {expected}", StringComparison.Ordinal)), string.Join('\n', problems));
    }

    [Fact]
    public async Task Verify_without_the_toy_source_refuses_its_key_and_documents()
    {
        await BuildAsync("tiny-a", "tiny-b");

        var problems = (await new SiteVerifier(TinySite.Catalog, _site.Sources.Where(s => s.Source.Id != ToyWeightsSource.Info.Id).ToList())
            .VerifyAsync(_site.Output, null, CancellationToken.None)).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith("api/tiny-a/0/1.json", StringComparison.Ordinal) && p.Contains("does not match schema 'neuron'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("api/tiny-a/toyweights/0/1.json", StringComparison.Ordinal) && p.Contains("names no known schema ('toyweights')", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_without_the_toy_template_stops_before_writing_and_names_the_file()
    {
        File.Delete(_templates.Combine(ToyWeightsSource.Info.Id + ".sbn"));

        var error = await Assert.ThrowsAsync<BuildException>(() => BuildAsync());

        Assert.Contains("toyweights.sbn", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_site.Output));
    }

    [Fact]
    public void No_file_of_src_names_the_toy_source()
    {
        var naming = Directory.EnumerateFiles(Repo.Path("src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(ToyWeightsSource.Info.Id, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(naming);
    }

    public void Dispose()
    {
        _site.Dispose();
        _templates.Dispose();
    }
}
