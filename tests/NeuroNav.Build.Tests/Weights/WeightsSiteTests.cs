using System.Text.Json;
using AngleSharp.Html.Parser;
using Json.Schema;
using NeuroNav.Build.Html;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Build.Weights;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Weights;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Weights;

/// <summary>
/// The weights source on a tiny site: its section in the neuron document and its own document (valid against
/// weights.schema.json), the page section (chips coloured by value, connected neurons linked where the site has their
/// page), its listing columns and the model page's provenance.
/// </summary>
public sealed class WeightsSiteTests : IDisposable
{
    private readonly TinySite _site = new();
    private readonly TempDirectory _corpus = new("neuronav-weights-site");

    public void Dispose() => _corpus.Dispose();

    private static readonly WeightsProvenance Provenance = new(
        "tiny-a", "NeelNanda/Tiny_2L8W", "main", "0123456789abcdef0123456789abcdef01234567", "tl",
        [new("weights", "NeelNanda/Tiny_2L8W", "model_final.pth", new string('e', 64), 123_456), new("tokenizer", "NeelNanda/gpt-neox-tokenizer-digits", "tokenizer.json", new string('f', 64), 2_345)],
        new DateTimeOffset(2026, 12, 7, 22, 0, 0, TimeSpan.Zero), 1);

    private static WeightsNeuron Neuron(int layer, int neuron, WeightLinks links, float inStrength) => new(
        new NeuronId("tiny-a", layer, neuron),
        new WeightTokens(
            [new(262, " the", 4f), new(13, ".", 1f), new(198, "\n", 0.1f)],
            [new(11, ",", -2f), new(50, "<b>", -0.5f)],
            [new(7, " def", 0.75f)],
            [new(8, " class", -0.25f)]),
        links,
        new WeightStats(1.5f, 2.25f, -0.125f, inStrength, 0.5f, 40f, 90f));

    private async Task BuildAsync()
    {
        var store = CorpusRoot.Open(_corpus.Path).Weights();
        var none = new WeightLinks([], [], [], []);
        await store.WriteLayerAsync("tiny-a", 0, [
            Neuron(0, 1, new WeightLinks([], [], [new(1, 2, 0.8f), new(1, 5, 0.4f)], [new(1, 2, -0.2f)]), 0f),
            Neuron(0, 6, none, 0f)], Provenance, CancellationToken.None);
        await store.WriteLayerAsync("tiny-a", 1, [Neuron(1, 2, new WeightLinks([new(0, 1, 0.8f)], [], [], []), 0.8f)], Provenance, CancellationToken.None);
        var renderer = ScribanPageRenderer.Load(Repo.Path("templates"), Repo.Path("content"), "0.1.0");
        await new SiteBuilder(_site.Corpus, TinySite.Catalog, renderer, [new WeightsSectionSource(store)]).BuildAsync(new BuildOptions(_site.Output, ["tiny-a"]), null, CancellationToken.None);
    }

    private JsonElement Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(_site.File(path)));
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task The_neuron_document_and_the_weights_document_carry_every_list_and_statistic_and_match_the_schema()
    {
        await BuildAsync();

        var doc = Read("api/tiny-a/0/1.json");
        var own = Read("api/tiny-a/weights/0/1.json");
        var only = Read("api/tiny-a/0/6.json");
        var schema = JsonSchema.FromText(File.ReadAllText(Repo.Path("src/NeuroNav.Build/Weights/weights.schema.json")));

        Assert.Contains("Weight Analysis", doc.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
        var section = doc.GetProperty("weights");
        var promoted = section.GetProperty("logit_effects").GetProperty("promoted").EnumerateArray().ToList();
        Assert.Equal([262, 13, 198], promoted.Select(t => t.GetProperty("token").GetInt32()));
        Assert.Equal([" the", ".", "\n"], promoted.Select(t => t.GetProperty("text").GetString()));
        Assert.Equal([4f, 1f, 0.1f], promoted.Select(t => t.GetProperty("value").GetSingle()));
        Assert.Equal(-2, section.GetProperty("logit_effects").GetProperty("suppressed")[0].GetProperty("value").GetDouble());
        Assert.Equal(" def", section.GetProperty("input_tokens").GetProperty("highest")[0].GetProperty("text").GetString());
        Assert.Equal((1, 2, 0.8f), Link(section.GetProperty("downstream").GetProperty("exciting")[0]));
        Assert.Equal(0, section.GetProperty("upstream").GetProperty("exciting").GetArrayLength());
        Assert.Equal(-0.125, section.GetProperty("statistics").GetProperty("in_out_cosine").GetDouble());
        Assert.Equal(90, section.GetProperty("statistics").GetProperty("out_strength_percentile").GetDouble());
        Assert.Equal(("weights", 1), (own.GetProperty("schema").GetString(), own.GetProperty("schema_version").GetInt32()));
        Assert.Equal(section.GetRawText(), own.GetProperty("weights").GetRawText());
        Assert.True(schema.Evaluate(own).IsValid);
        Assert.False(schema.Evaluate(JsonDocument.Parse(own.GetRawText().Replace("\"in_strength\"", "\"strength\"", StringComparison.Ordinal)).RootElement).IsValid);
        Assert.Equal(["Weight Analysis"], only.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
        Assert.True(File.Exists(_site.File("api/schema/weights.schema.json")));
        Assert.False(File.Exists(_site.File("api/tiny-a/weights/0/0.json")));
    }

    [Fact]
    public async Task The_page_shows_tokens_as_chips_coloured_by_value_and_links_only_neurons_the_site_has()
    {
        await BuildAsync();

        var page = new HtmlParser().ParseDocument(File.ReadAllText(_site.File("tiny-a/0/1.html")));
        var promoted = page.QuerySelectorAll("section#weights p.weights-promoted span.chip").ToList();
        var suppressed = page.QuerySelectorAll("section#weights p.weights-suppressed span.chip").ToList();
        var downstream = page.QuerySelectorAll("section#weights ol.weights-downstream-exciting li").ToList();

        Assert.Equal(["·the", ".", "↵"], promoted.Select(c => c.TextContent));
        Assert.Equal(["chip p10", "chip p3", "chip"], promoted.Select(c => c.ClassName));
        Assert.Equal("token 262: 4", promoted[0].GetAttribute("title"));
        Assert.Equal([",", "<b>"], suppressed.Select(c => c.TextContent));
        Assert.Equal("chip n5", suppressed[0].ClassName);
        Assert.Equal("../1/2.html", downstream[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(downstream[1].QuerySelector("a"));
        Assert.StartsWith("Layer 1 · neuron 5", downstream[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("section#weights table.weights-stats th"), th => th.TextContent == "In-strength");
        Assert.Contains(page.QuerySelectorAll("dl.facts dd"), dd => dd.TextContent.Contains("promotes ·the, ., ↵; suppresses ,, <b>", StringComparison.Ordinal));
        Assert.True(File.Exists(_site.File("tiny-a/0/6.html")));
    }

    [Fact]
    public async Task Listings_carry_the_strengths_cosine_and_top_token_and_the_model_page_names_the_checkpoint()
    {
        await BuildAsync();

        var rows = Read("api/tiny-a/1/index.json").GetProperty("neurons").EnumerateArray().ToDictionary(r => r.GetProperty("neuron").GetInt32());
        var layer = new HtmlParser().ParseDocument(File.ReadAllText(_site.File("tiny-a/1/index.html")));
        var model = new HtmlParser().ParseDocument(File.ReadAllText(_site.File("tiny-a/index.html")));
        var headings = layer.QuerySelectorAll("table#neurons thead th").ToList();
        var top = headings.FindIndex(th => th.GetAttribute("data-key") == "weights_top_token");
        var note = model.QuerySelector("section#weights.source-note")!;

        Assert.Equal(0.8f, rows[2].GetProperty("weights_in_strength").GetSingle());
        Assert.Equal(0.5, rows[2].GetProperty("weights_out_strength").GetDouble());
        Assert.Equal(-0.125, rows[2].GetProperty("weights_in_out_cosine").GetDouble());
        Assert.Equal(" the", rows[2].GetProperty("weights_top_token").GetString());
        Assert.Equal(JsonValueKind.Null, rows[3].GetProperty("weights_in_strength").ValueKind);
        Assert.Equal("Top promoted token", headings[top].TextContent);
        Assert.Equal(" the", layer.QuerySelector("table#neurons tr[data-neuron='2']")!.Children[top].TextContent);
        Assert.Contains("NeelNanda/Tiny_2L8W at revision main, commit 0123456789abcdef0123456789abcdef01234567", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("sha256 " + new string('e', 64), note.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tokenizer tokenizer.json", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-12-07 22:00 UTC, definitions version 1", note.TextContent, StringComparison.Ordinal);
    }

    private static (int, int, float) Link(JsonElement e) => (e.GetProperty("layer").GetInt32(), e.GetProperty("neuron").GetInt32(), e.GetProperty("value").GetSingle());
}
