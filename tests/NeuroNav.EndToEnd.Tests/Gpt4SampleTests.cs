using System.Globalization;
using System.Net;
using System.Text.Json;
using NeuroNav.Build;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Html;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Gpt4;
using NeuroNav.Hosting;
using NeuroNav.Sample.Gpt4;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests;

/// <summary>The sample end to end with the GPT-4 source: both mirrors served on 127.0.0.1, both scraped, the site built with the GPT-4 section.</summary>
public sealed class Gpt4SampleSite : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-e2e-gpt4");

    public string CorpusRoot => _dir.Combine("corpus");

    public string Output => _dir.Combine("output");

    public ScrapeReport Gpt4Scrape { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var corpus = new CorpusStore(CorpusRoot);
        await using (var mirror = await SampleMirrorServer.StartAsync())
        {
            await new NeuroscopeScraper(corpus, SampleSite.FetchOptions(mirror.BaseAddress)).RunAsync(SampleSite.Targets, null, CancellationToken.None);
        }

        await using (var openAi = await StaticSiteServer.StartAsync(Repo.Path("content", "sample", "openai"), 0, CancellationToken.None))
        {
            var targets = SampleSite.Targets.Where(t => t.Model == Gpt4Mirror.Model).ToList();
            Gpt4Scrape = await new Gpt4Scraper(new Gpt4Store(CorpusRoot), SampleSite.FetchOptions(openAi.BaseAddress), includeUndocumented: true)
                .RunAsync(targets, null, CancellationToken.None);
        }

        var renderer = ScribanPageRenderer.Load(Repo.Path("templates"), Repo.Path("content"), "0.0.0-test");
        await new SiteBuilder(corpus, SampleSite.Catalog, renderer, [new Gpt4SectionSource(new Gpt4Store(CorpusRoot)), GraphSectionSource.WithoutData])
            .BuildAsync(new BuildOptions(Output, [Gpt4Mirror.Model]), null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _dir.Dispose();
}

public sealed class Gpt4SampleTests(Gpt4SampleSite site) : IClassFixture<Gpt4SampleSite>
{
    private static readonly NeuronId TwoExplanations = Case(Gpt4SampleKind.TwoExplanations);

    [Fact]
    public async Task Coverage_registry_has_a_gpt4_row_per_neuron_with_missing_upstream_for_the_404()
    {
        Assert.Equal(Gpt4Mirror.Cases.Count(c => c.Expected == CoverageStatus.MissingUpstream), site.Gpt4Scrape.MissingUpstream);
        Assert.Equal(Gpt4Mirror.Cases.Count(c => c.Expected == CoverageStatus.Invalid), site.Gpt4Scrape.Invalid);
        Assert.Equal(0, site.Gpt4Scrape.Failed);
        var store = new CorpusStore(site.CorpusRoot);
        foreach (var id in Gpt4Mirror.Neurons)
        {
            var rows = await store.ReadCoverageAsync(id.Model, id.Layer, CancellationToken.None);
            var row = Assert.Single(rows, r => r.Neuron == id.Neuron && r.Source == "gpt4");
            Assert.Equal(Gpt4Mirror.ExpectedStatus(id), row.Status);
            Assert.Contains(rows, r => r.Neuron == id.Neuron && r.Source == "neuroscope" && r.Status == CoverageStatus.Present);
        }

        var missing = Case(Gpt4SampleKind.Missing);
        var gap = (await store.ReadCoverageAsync(missing.Model, missing.Layer, CancellationToken.None)).Single(r => r.Neuron == missing.Neuron && r.Source == "gpt4");
        Assert.Equal(404, gap.HttpStatus);
        Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $"gpt2_small_data/explanations/{missing.Layer}/{missing.Neuron}.jsonl"), gap.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Neuron_document_carries_every_explanation_with_its_scores_and_the_related_neurons()
    {
        var expected = Gpt4Mirror.Neuron(TwoExplanations);
        using var doc = Json(TwoExplanations);
        var root = doc.RootElement;
        Assert.Contains("GPT-4 Explanation", root.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
        var gpt4 = root.GetProperty("GPT-4");
        Assert.Equal(expected.Explanations[0].Text, gpt4.GetProperty("explanation").GetString());
        Assert.Equal(expected.Explanations[0].Ev, gpt4.GetProperty("explanation-score").GetDouble());
        var explanations = gpt4.GetProperty("explanations").EnumerateArray().ToList();
        Assert.Equal(expected.Explanations.Select(e => e.Text), explanations.Select(e => e.GetProperty("explanation").GetString()));
        Assert.Equal(expected.Explanations[1].RSquared, explanations[1].GetProperty("rsquared_score").GetDouble());
        var sequence = explanations[0].GetProperty("sequences")[0];
        Assert.Equal(expected.Explanations[0].Sequences[0].Tokens, sequence.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(expected.Explanations[0].Sequences[0].True.Select(v => (float)v), sequence.GetProperty("true_activations").EnumerateArray().Select(v => v.GetSingle()));
        var output = gpt4.GetProperty("related_neurons").GetProperty("output").EnumerateArray().ToList();
        Assert.Equal(expected.DownstreamPositive.Count + expected.DownstreamNegative.Count, output.Count);
        Assert.Equal(expected.DownstreamPositive[0].Neuron, output[0].GetProperty("neuron").GetInt32());
        Assert.Contains(output, o => o.GetProperty("explanation").ValueKind == JsonValueKind.String);
        Assert.Equal(JsonValueKind.Array, gpt4.GetProperty("related_tokens").GetProperty("by_activation").ValueKind);
        Assert.True(File.Exists(Path.Combine(site.Output, "api", "gpt2-small", "gpt4", "0", $"{TwoExplanations.Neuron}.json")));
    }

    [Fact]
    public void Neuron_page_shows_explanation_score_scoring_details_and_related_neurons_as_links()
    {
        var expected = Gpt4Mirror.Neuron(TwoExplanations);
        var html = Page(TwoExplanations);
        Assert.Contains($"<p class=\"gpt4-explanation\">{WebUtility.HtmlEncode(expected.Explanations[0].Text)}</p>", html, StringComparison.Ordinal);
        Assert.Contains("Scoring details: real vs simulated activations", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"gpt4-label\">Simulated</p>", html, StringComparison.Ordinal);
        Assert.Contains("Quantile range 99.9–100%", html, StringComparison.Ordinal);
        var related = expected.DownstreamPositive[0];
        Assert.Contains($"<a href=\"../{related.Layer}/{related.Neuron}.html\">Layer {related.Layer} neuron {related.Neuron}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_score_and_files_without_dataclass_name_or_with_bare_NaN_still_give_a_section()
    {
        using var nullScore = Json(Case(Gpt4SampleKind.NullScore));
        Assert.Equal(JsonValueKind.Null, nullScore.RootElement.GetProperty("GPT-4").GetProperty("explanation-score").ValueKind);
        Assert.Contains("GPT-4 Explanation", nullScore.RootElement.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("Explanation score <b>–</b>", Page(Case(Gpt4SampleKind.NullScore)), StringComparison.Ordinal);

        using var plain = Json(Case(Gpt4SampleKind.NoDataclassName));
        Assert.Equal(Gpt4Mirror.Neuron(Case(Gpt4SampleKind.NoDataclassName)).Explanations[0].Text, plain.RootElement.GetProperty("GPT-4").GetProperty("explanation").GetString());

        using var nan = Json(Case(Gpt4SampleKind.BareNaN));
        Assert.Equal(JsonValueKind.Null, nan.RootElement.GetProperty("GPT-4").GetProperty("activations").GetProperty("kurtosis").ValueKind);
    }

    [Fact]
    public void A_missing_or_broken_OpenAI_file_never_blocks_the_neurons_Neuroscope_data()
    {
        foreach (var id in new[] { Case(Gpt4SampleKind.Missing), Case(Gpt4SampleKind.Broken) })
        {
            using var doc = Json(id);
            Assert.Equal(["Max Activating Dataset Example"], doc.RootElement.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("GPT-4").ValueKind);
            Assert.Equal(20, doc.RootElement.GetProperty("neuroscope").GetProperty("texts").GetArrayLength());
            Assert.DoesNotContain("id=\"gpt4\"", Page(id), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(site.Output, "api", id.Model, "gpt4", $"{id.Layer}", $"{id.Neuron}.json")));
        }
    }

    [Fact]
    public void Every_json_document_validates_against_its_published_schema_the_gpt4_ones_included()
    {
        var validator = new SchemaValidator(site.Output);
        var documents = Directory.EnumerateFiles(Path.Combine(site.Output, "api"), "*.json", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(Gpt4Mirror.Neurons.Count - 2, documents.Count(p => p.Contains($"{Path.DirectorySeparatorChar}gpt4{Path.DirectorySeparatorChar}", StringComparison.Ordinal)));
        var errors = documents.SelectMany(p => validator.Errors(File.ReadAllText(p)).Select(e => $"{p}: {e}")).ToList();
        Assert.Empty(errors);
    }

    private static NeuronId Case(Gpt4SampleKind kind) => Gpt4Mirror.Cases.Single(c => c.Kind == kind).Neuron;

    private JsonDocument Json(NeuronId id) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "api", id.Model, $"{id.Layer}", $"{id.Neuron}.json")));

    private string Page(NeuronId id) => File.ReadAllText(Path.Combine(site.Output, id.Model, $"{id.Layer}", $"{id.Neuron}.html"));
}
