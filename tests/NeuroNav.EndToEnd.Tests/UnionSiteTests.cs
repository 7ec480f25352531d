using System.Net;
using System.Text.Json;
using NeuroNav.Build;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Html;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Build.Verify;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Gpt4;
using NeuroNav.Fetch.Neuron2Graph;
using NeuroNav.Hosting;
using NeuroNav.Modules;
using NeuroNav.Sample.Gpt4;
using NeuroNav.TestKit;
using NeuroNav.TestKit.Hostile;

namespace NeuroNav.EndToEnd.Tests;

/// <summary>
/// Three sources over HTTP and from a folder, where Neuroscope lacks two neurons that OpenAI and Neuron2Graph have:
/// gpt2-small/3/13 answers 404 and gpt2-small/0/15 serves neuron 16's page. Scrapes all three into one corpus, builds.
/// </summary>
public sealed class UnionSite : IAsyncLifetime, IDisposable
{
    public static readonly NeuronId Missing = new("gpt2-small", 3, 13);
    public static readonly NeuronId OtherNeuron = new("gpt2-small", 0, 15);

    private readonly TempDirectory _dir = new("neuronav-union");

    public string CorpusRoot => _dir.Combine("corpus");

    public string Output => _dir.Combine("output");

    public static IReadOnlyList<ScrapeTarget> Targets => [new("gpt2-small", 0, 0, 16), new("gpt2-small", 3, 0, 16)];

    public async Task InitializeAsync()
    {
        var corpus = new CorpusStore(CorpusRoot);
        await using (var neuroscope = await HostileMirror.StartAsync(TimeSpan.FromSeconds(30), 1 << 20))
        {
            neuroscope.Serve(Targets.SelectMany(t => Enumerable.Range(t.FirstNeuron, t.EndNeuron - t.FirstNeuron).Select(n => new NeuronId(t.Model, t.Layer, n)))
                .Where(id => id != Missing));
            neuroscope.Inject(OtherNeuron, Fault.OtherNeuron);
            await new NeuroscopeScraper(corpus, SampleSite.FetchOptions(neuroscope.BaseAddress)).RunAsync(Targets, null, CancellationToken.None);
        }

        await using (var openAi = await StaticSiteServer.StartAsync(Repo.Path("content", "sample", "openai"), 0, CancellationToken.None))
        {
            await new Gpt4Scraper(new Gpt4Store(CorpusRoot), SampleSite.FetchOptions(openAi.BaseAddress), includeUndocumented: true)
                .RunAsync(Targets, null, CancellationToken.None);
        }

        var graphs = new GraphCorpus(corpus);
        await new GraphIngest(corpus, graphs, SampleSite.FetchOptions(new Uri("http://127.0.0.1/")))
            .RunAsync("gpt2-small", Repo.Path("content", "sample", "neuron2graph", "gpt2-small"), GraphLayout.Auto, null, CancellationToken.None);

        var renderer = ScribanPageRenderer.Load(Repo.Path("templates"), Repo.Path("content"), "0.0.0-test");
        await new SiteBuilder(corpus, SampleSite.Catalog, renderer, [new Gpt4SectionSource(new Gpt4Store(CorpusRoot)), new GraphSectionSource(graphs), NeuroNav.Build.Weights.WeightsSectionSource.WithoutData])
            .BuildAsync(new BuildOptions(Output, ["gpt2-small"]), null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _dir.Dispose();
}

public sealed class UnionSiteTests(UnionSite site) : IClassFixture<UnionSite>
{
    private string File(params string[] parts) => Path.Combine([site.Output, .. parts]);

    private JsonElement Json(params string[] parts)
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(File(parts)));
        return doc.RootElement.Clone();
    }

    private static string[] Labels(JsonElement doc) => [.. doc.GetProperty("available").EnumerateArray().Select(a => a.GetString()!)];

    [Fact]
    public async Task Corpus_records_why_neuroscope_lacks_the_two_neurons()
    {
        var rows = new CorpusStore(site.CorpusRoot);
        var missing = Assert.Single(await rows.ReadCoverageAsync("gpt2-small", 3, CancellationToken.None), r => r.Neuron == 13 && r.Source == SourceInfo.Neuroscope.Id);
        Assert.Equal(CoverageStatus.MissingUpstream, missing.Status);
        var other = Assert.Single(await rows.ReadCoverageAsync("gpt2-small", 0, CancellationToken.None), r => r.Neuron == 15 && r.Source == SourceInfo.Neuroscope.Id);
        Assert.Equal(CoverageStatus.Invalid, other.Status);
        Assert.DoesNotContain(13, await rows.StoredNeuronsAsync("gpt2-small", 3, CancellationToken.None));
    }

    [Theory]
    [InlineData(3, 13, "missing_upstream", "HTTP 404")]
    [InlineData(0, 15, "invalid", "the page is for neuron 16 in layer 0")]
    public void Documents_carry_gpt4_and_graph_sections_and_neuroscope_status(int layer, int neuron, string status, string reason)
    {
        var id = new NeuronId("gpt2-small", layer, neuron);
        var doc = Json("api", "gpt2-small", $"{layer}", $"{neuron}.json");

        Assert.Equal(["Neuron Graph", "GPT-4 Explanation"], Labels(doc));
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("neuroscope").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("metadata").GetProperty("statistics").ValueKind);
        Assert.Equal(Gpt4Mirror.Neuron(id).Explanations[0].Text, doc.GetProperty("GPT-4").GetProperty("explanation").GetString());
        Assert.NotEmpty(doc.GetProperty("neuron2graph").GetProperty("graph").GetProperty("nodes").EnumerateArray());
        var neuroscope = doc.GetProperty("metadata").GetProperty("coverage").GetProperty("neuroscope");
        Assert.Equal(status, neuroscope.GetProperty("status").GetString());
        Assert.Contains(reason, neuroscope.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{HostileMirrorPath(id)}", new Uri(neuroscope.GetProperty("url").GetString()!).AbsolutePath);
        Assert.Equal("present", doc.GetProperty("metadata").GetProperty("coverage").GetProperty("gpt4").GetProperty("status").GetString());

        Assert.True(System.IO.File.Exists(File("api", "gpt2-small", "gpt4", $"{layer}", $"{neuron}.json")));
        Assert.True(System.IO.File.Exists(File("api", "gpt2-small", "neuron2graph", $"{layer}", $"{neuron}.json")));
        Assert.False(System.IO.File.Exists(File("api", "gpt2-small", "neuroscope", $"{layer}", $"{neuron}.json")));
    }

    [Theory]
    [InlineData(3, 13, "missing upstream", "HTTP 404")]
    [InlineData(0, 15, "invalid", "the page is for neuron 16 in layer 0")]
    public void Pages_show_the_gpt4_and_graph_sections_and_why_neuroscope_has_nothing(int layer, int neuron, string status, string reason)
    {
        var html = System.IO.File.ReadAllText(File("gpt2-small", $"{layer}", $"{neuron}.html"));
        var explanation = Gpt4Mirror.Neuron(new NeuronId("gpt2-small", layer, neuron)).Explanations[0].Text;

        Assert.Contains($"<p class=\"gpt4-explanation\">{WebUtility.HtmlEncode(explanation)}</p>", html, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", html, StringComparison.Ordinal);
        var said = System.Text.RegularExpressions.Regex.Match(html, "<p class=\"empty\" id=\"neuroscope-status\">(.*?)</p>").Groups[1].Value;
        Assert.StartsWith($"Neuroscope has no data for this neuron: {status}", said, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(reason), said, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"text\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Listings_neighbours_and_search_include_the_neurons_neuroscope_lacks()
    {
        var layer = Json("api", "gpt2-small", "3", "index.json");
        var row = Assert.Single(layer.GetProperty("neurons").EnumerateArray(), n => n.GetProperty("neuron").GetInt32() == 13);
        Assert.Equal(["Neuron Graph", "GPT-4 Explanation"], Labels(row));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("max_activation").ValueKind);
        Assert.Equal(Enumerable.Range(0, 16), layer.GetProperty("neurons").EnumerateArray().Select(n => n.GetProperty("neuron").GetInt32()));
        Assert.Contains("href=\"13.html\"", System.IO.File.ReadAllText(File("gpt2-small", "3", "index.html")), StringComparison.Ordinal);

        Assert.Equal("api/gpt2-small/3/13.json", Json("api", "gpt2-small", "3", "12.json").GetProperty("metadata").GetProperty("links").GetProperty("next").GetString());
        Assert.Equal("api/gpt2-small/0/15.json", Json("api", "gpt2-small", "0", "14.json").GetProperty("metadata").GetProperty("links").GetProperty("next").GetString());
        Assert.Contains("href=\"14.html\"", System.IO.File.ReadAllText(File("gpt2-small", "0", "15.html")), StringComparison.Ordinal);

        var entries = Directory.EnumerateFiles(File("api", "gpt2-small", "search", "explanations"), "*.json")
            .Where(f => Path.GetFileName(f) != "index.json")
            .SelectMany(f => Json(f).GetProperty("entries").EnumerateArray().Select(e => (e[0].GetInt32(), e[1].GetInt32())))
            .ToHashSet();
        Assert.Contains((3, 13), entries);
        Assert.Contains((0, 15), entries);
    }

    [Fact]
    public async Task Site_verifies_and_every_neuron_document_validates_against_its_schema()
    {
        var report = await new SiteVerifier(SampleSite.Catalog, SourceModules.SectionsFor(new CorpusStore(site.CorpusRoot))).VerifyAsync(site.Output, new CorpusStore(site.CorpusRoot), CancellationToken.None);
        Assert.True(report.Ok, string.Join('\n', report.Problems));

        var validator = new SchemaValidator(site.Output);
        foreach (var path in new[] { "api/gpt2-small/3/13.json", "api/gpt2-small/0/15.json", "api/gpt2-small/3/12.json", "api/gpt2-small/3/index.json" })
        {
            Assert.Empty(validator.Errors(System.IO.File.ReadAllText(File(path))));
        }
    }

    private static string HostileMirrorPath(NeuronId id) => HostileMirror.PathOf(id);
}
