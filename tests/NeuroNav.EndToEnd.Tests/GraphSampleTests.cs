using System.Globalization;
using System.Text;
using System.Text.Json;
using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch.Neuron2Graph;
using NeuroNav.Hosting;
using NeuroNav.Sample.Neuron2Graph;
using NeuroNav.TestKit;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests;

/// <summary>The README's main command (<c>neuronav demo</c>) once, in process, for the Neuron2Graph tests below.</summary>
public sealed class GraphDemoSite : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-n2g-demo");

    public string Output => _dir.Combine("output");

    public CorpusStore Corpus => new(_dir.Combine("corpus"));

    public string Console { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var console = new TestConsole().Width(200);
        var code = await NeuroNavApp.RunAsync(["demo", "--corpus", _dir.Combine("corpus"), "--out", Output], console);
        Console = console.Output;
        Assert.True(code == 0, Console);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _dir.Dispose();
}

public sealed class GraphSampleTests(GraphDemoSite site) : IClassFixture<GraphDemoSite>
{
    private static string Sample(params string[] parts) => Repo.Path(["content", "sample", "neuron2graph", .. parts]);

    private JsonElement Section(string model, int layer, int neuron, out JsonDocument doc)
    {
        doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "api", model, N(layer), N(neuron) + ".json")));
        return doc.RootElement.GetProperty("neuron2graph");
    }

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Neuron_documents_carry_the_graph_and_the_explanation_score_from_stats()
    {
        var stats = StatsParser.Parse(File.ReadAllBytes(Sample("gpt2-small", "layer_0", "stats.json")), "gpt2-small").ToDictionary(s => (s.Id.Layer, s.Id.Neuron));
        var section = Section("gpt2-small", 0, 4, out var doc);
        using (doc)
        {
            Assert.Contains("Neuron Graph", doc.RootElement.GetProperty("available").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(stats[(0, 4)].ExplanationScore!.Value, section.GetProperty("explanation-score").GetDouble(), 12);
            var tokens = section.GetProperty("graph").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("token").GetString()).ToList();
            var (expected, _) = GraphSample.Synthesise(new NeuronId("gpt2-small", 0, 4));
            Assert.Equal(expected.Select(n => n.Token), tokens);
            Assert.Contains("</svg><img src=x onerror=alert(1)>", tokens);
        }
    }

    [Fact]
    public void Quirky_stats_give_null_scores_and_a_missing_graph_leaves_the_section_null()
    {
        var failed = Section("gpt2-small", 0, 6, out var d1);
        using (d1)
        {
            Assert.Equal(JsonValueKind.Null, failed.GetProperty("explanation-score").ValueKind);
            Assert.True(failed.GetProperty("stats").GetProperty("evaluation_failed").GetBoolean());
        }

        var noFiring = Section("gpt2-small", 0, 9, out var d2);
        using (d2)
        {
            Assert.Equal(JsonValueKind.Null, noFiring.GetProperty("stats").GetProperty("1").ValueKind);
        }

        var missing = Section("gpt2-small", 0, 7, out var d3);
        using (d3)
        {
            Assert.Equal(JsonValueKind.Null, missing.ValueKind);
            Assert.DoesNotContain("Neuron Graph", d3.RootElement.GetProperty("available").EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public async Task The_unparsable_graph_is_an_invalid_coverage_row_with_its_reason()
    {
        var rows = await site.Corpus.ReadCoverageAsync("gpt2-small", 3, CancellationToken.None);

        var row = Assert.Single(rows, r => r.Source == SourceInfo.Neuron2Graph.Id && r.Neuron == GraphSample.Unparsable.Neuron);
        Assert.Equal(CoverageStatus.Invalid, row.Status);
        Assert.Contains("graph gpt2-small/3/5 does not parse", row.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Output, "api", "gpt2-small", "neuron2graph", "3", "5.json")));
    }

    [Fact]
    public void Neuron_page_draws_the_graph_escapes_hostile_tokens_and_links_similar_neurons()
    {
        var html = File.ReadAllText(Path.Combine(site.Output, "gpt2-small", "0", "3.html"));

        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&quot;n2g&quot;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.Contains("Explanation score <b>", html, StringComparison.Ordinal);
        var linked = Directory.EnumerateFiles(Path.Combine(site.Output, "gpt2-small", "0"), "*.html").Select(File.ReadAllText).First(p => p.Contains("n2g-similar", StringComparison.Ordinal));
        var links = System.Text.RegularExpressions.Regex.Matches(linked, "<ol class=\"n2g-similar\">(.*?)</ol>", System.Text.RegularExpressions.RegexOptions.Singleline);
        var hrefs = System.Text.RegularExpressions.Regex.Matches(Assert.Single(links).Groups[1].Value, "href=\"(\\.\\./[0-9]+/[0-9]+\\.html)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.True(File.Exists(Path.GetFullPath(Path.Combine(site.Output, "gpt2-small", "0", h))), h));
    }

    [Fact]
    public async Task Search_shards_served_over_http_answer_a_token_query()
    {
        await using var server = await StaticSiteServer.StartAsync(site.Output, 0, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var page = await http.GetStringAsync("search.html");
        Assert.Contains("id=\"token-search\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"token-search-results\"", page, StringComparison.Ordinal);

        using var manifest = JsonDocument.Parse(await http.GetStringAsync("api/gpt2-small/search/tokens/index.json"));
        const string token = "he";
        var shard = Fnv1a(token) % (uint)manifest.RootElement.GetProperty("shards").GetInt32();
        var bytes = await http.GetByteArrayAsync($"api/gpt2-small/search/tokens/{shard}.json");
        using var doc = JsonDocument.Parse(bytes);
        var activating = doc.RootElement.GetProperty("tokens").GetProperty(token).GetProperty("activating").EnumerateArray().Select(e => e.GetString()).ToList();

        var expected = GraphSample.Models.Single(m => m.Model == "gpt2-small").Layers
            .SelectMany(l => Enumerable.Range(0, GraphSample.NeuronsPerLayer).Select(n => new NeuronId("gpt2-small", l, n)))
            .Where(id => GraphSample.Synthesise(id).Nodes.Any(n => n.Depth == 0 && n.Token == token))
            .Select(id => $"{id.Layer}_{id.Neuron}");
        Assert.Equal(expected, activating);
        Assert.True(bytes.Length < 20 * 1024, $"shard of {bytes.Length} bytes");
    }

    [Fact]
    public void Every_neuron2graph_and_search_document_validates_against_its_schema()
    {
        var validator = new SchemaValidator(site.Output);
        var documents = Directory.EnumerateFiles(Path.Combine(site.Output, "api"), "*.json", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => p.Contains("neuron2graph", StringComparison.Ordinal) || p.Contains("search", StringComparison.Ordinal)
                || p.EndsWith(Path.Combine("0", "4.json"), StringComparison.Ordinal))
            .ToList();
        Assert.True(documents.Count > 40, $"{documents.Count} documents");
        Assert.Empty(documents.SelectMany(p => validator.Errors(File.ReadAllText(p)).Select(e => $"{p}: {e}")));
    }

    private static uint Fnv1a(string token)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(token))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
