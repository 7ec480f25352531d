using System.Text.Json;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Core;

namespace NeuroNav.Build.Tests.Api;

public sealed class IndexDocumentTests
{
    [Fact]
    public async Task Layer_index_ranks_top_by_kurtosis_with_ties_by_max_activation_and_lists_every_neuron()
    {
        using var site = new TinySite();
        await site.BuildAsync();

        using var doc = Json(site, "api/tiny-a/0/index.json");
        // Excess kurtosis of the two texts' finite values: 1 → 0.743, 0 and 2 → 0.110 (tie, same max), 7 → -1.184, 5 → -1.5.
        var top = doc.RootElement.GetProperty("top").EnumerateArray().ToList();
        Assert.Equal([1, 0, 2, 7, 5], top.Select(r => r.GetProperty("neuron").GetInt32()));
        Assert.Equal([1, 2, 3, 4, 5], top.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal(0.74284, top[0].GetProperty("excess_kurtosis").GetDouble(), 6);
        Assert.Equal([2, 1, 3, 5, 4], doc.RootElement.GetProperty("neurons").EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal([0, 1, 2, 5, 7], doc.RootElement.GetProperty("neurons").EnumerateArray().Select(r => r.GetProperty("neuron").GetInt32()));
        var nan = doc.RootElement.GetProperty("neurons")[3];
        Assert.Equal(JsonValueKind.Null, nan.GetProperty("max_activation").ValueKind);
        Assert.Equal(8, doc.RootElement.GetProperty("neurons_per_layer").GetInt32());
    }

    [Fact]
    public async Task Coverage_counts_every_status_out_of_the_layer_and_the_model()
    {
        using var site = new TinySite();
        await site.BuildAsync();

        using var layer = Json(site, "api/tiny-a/0/index.json");
        Assert.Equal((8, 5, 1, 1, 1, 0), Counts(layer.RootElement.GetProperty("coverage").GetProperty("neuroscope")));
        Assert.Equal((8, 0, 0, 0, 0, 8), Counts(layer.RootElement.GetProperty("coverage").GetProperty("gpt4")));

        using var model = Json(site, "api/tiny-a/index.json");
        Assert.Equal((16, 6, 1, 1, 1, 7), Counts(model.RootElement.GetProperty("coverage").GetProperty("neuroscope")));
        Assert.Equal([0, 1], model.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("layer").GetInt32()));
        Assert.Equal([1, 0, 2, 7, 5], model.RootElement.GetProperty("layers")[0].GetProperty("top").EnumerateArray().Select(r => r.GetProperty("neuron").GetInt32()));
        Assert.Equal("api/tiny-a/1/index.json", model.RootElement.GetProperty("layers")[1].GetProperty("links").GetProperty("api").GetString());
    }

    [Fact]
    public async Task Site_index_lists_every_catalog_model_in_order_with_not_attempted_for_models_outside_the_corpus()
    {
        using var site = new TinySite();
        await site.BuildAsync();

        using var doc = Json(site, "api/index.json");
        var models = doc.RootElement.GetProperty("models");
        Assert.Equal(["tiny-a", "tiny-b", "gpt2-small"], models.EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal((36864, 0, 0, 0, 0, 36864), Counts(models[2].GetProperty("coverage").GetProperty("neuroscope")));
        Assert.Empty(models[2].GetProperty("layers_with_data").EnumerateArray());
        Assert.Equal([0, 1], models[0].GetProperty("layers_with_data").EnumerateArray().Select(l => l.GetInt32()));
        Assert.Equal("gpt2-small/index.html", models[2].GetProperty("links").GetProperty("html").GetString());
        Assert.Equal(["neuroscope", "neuron2graph", "gpt4"], doc.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("NeuroNav 0.1.0", doc.RootElement.GetProperty("generator").GetString());
    }

    [Fact]
    public async Task Pages_are_rendered_for_the_index_every_model_layer_and_neuron_and_static_files_are_copied()
    {
        using var site = new TinySite();
        await site.BuildAsync();

        var r = site.Renderer;
        Assert.Equal(["tiny-a/0/0", "tiny-a/0/1", "tiny-a/0/2", "tiny-a/0/5", "tiny-a/0/7", "tiny-a/1/3", "tiny-b/0/0", "tiny-b/0/1"],
            r.Neurons.Select(n => n.Id.ToString()).Order(StringComparer.Ordinal));
        Assert.All(r.Neurons, n => Assert.NotNull(n.Neuroscope));
        Assert.Equal(["tiny-a/0", "tiny-a/1", "tiny-b/0"], r.Layers.Select(l => $"{l.Model.Id}/{l.Layer}"));
        Assert.Equal(["tiny-a", "tiny-b"], r.Models.Select(m => m.Model.Id));
        Assert.Equal(["tiny-a", "tiny-b", "gpt2-small"], Assert.Single(r.Indexes).Models.Select(m => m.Model.Id));
        Assert.Equal(5, r.Layers[0].Coverage[0].Present);
        Assert.Equal("body{}", File.ReadAllText(site.File("assets/site.css")));
        Assert.Equal("neuron tiny-a/0/1 max=2.8752,1.4376 prev=True next=True original=https://neuroscope.io/tiny-a/0/1.html", File.ReadAllText(site.File("tiny-a/0/1.html")));
    }

    [Fact]
    public async Task Layer_range_renders_only_its_layers_but_the_model_index_keeps_every_layer()
    {
        using var site = new TinySite();
        await site.BuildAsync(models: ["tiny-a"], first: 1, last: 1);

        Assert.Equal(["tiny-a/1/3"], site.Renderer.Neurons.Select(n => n.Id.ToString()));
        Assert.False(File.Exists(site.File("api/tiny-a/0/1.json")));
        Assert.True(File.Exists(site.File("api/tiny-a/1/3.json")));
        using var model = Json(site, "api/tiny-a/index.json");
        Assert.Equal([1, 0, 2, 7, 5], model.RootElement.GetProperty("layers")[0].GetProperty("top").EnumerateArray().Select(r => r.GetProperty("neuron").GetInt32()));
    }

    [Fact]
    public async Task Empty_model_list_builds_every_model_the_corpus_has()
    {
        using var site = new TinySite();
        var report = await site.BuildAsync();

        Assert.Equal(8, report.Neurons);
        Assert.Equal([("tiny-a", 0), ("tiny-a", 1), ("tiny-b", 0)], site.Corpus.LayersRead);
        Assert.False(Directory.Exists(site.File("api/gpt2-small")));
    }

    [Fact]
    public async Task Subset_build_still_reports_the_coverage_of_every_model_in_the_site_index()
    {
        using var site = new TinySite();
        await site.BuildAsync(models: ["tiny-b"]);

        using var doc = Json(site, "api/index.json");
        Assert.Equal((16, 6, 1, 1, 1, 7), Counts(doc.RootElement.GetProperty("models")[0].GetProperty("coverage").GetProperty("neuroscope")));
        Assert.DoesNotContain(("tiny-a", 0), site.Corpus.LayersRead);
    }

    [Fact]
    public async Task Layer_with_coverage_but_no_data_gets_an_index_without_neurons()
    {
        using var site = new TinySite();
        site.Corpus.Cover(new NeuronId("tiny-a", 1, 0), CoverageStatus.Failed);
        site.Corpus.Remove(new NeuronId("tiny-a", 1, 3));

        await site.BuildAsync();

        using var layer = Json(site, "api/tiny-a/1/index.json");
        Assert.Empty(layer.RootElement.GetProperty("neurons").EnumerateArray());
        Assert.Equal((8, 0, 0, 1, 0, 7), Counts(layer.RootElement.GetProperty("coverage").GetProperty("neuroscope")));
        using var index = Json(site, "api/index.json");
        Assert.Equal([0], index.RootElement.GetProperty("models")[0].GetProperty("layers_with_data").EnumerateArray().Select(l => l.GetInt32()));
    }

    private static JsonDocument Json(TinySite site, string path) => JsonDocument.Parse(File.ReadAllBytes(site.File(path)));

    private static (long, long, long, long, long, long) Counts(JsonElement c) => (
        c.GetProperty("expected").GetInt64(),
        c.GetProperty("present").GetInt64(),
        c.GetProperty("missing_upstream").GetInt64(),
        c.GetProperty("failed").GetInt64(),
        c.GetProperty("invalid").GetInt64(),
        c.GetProperty("not_attempted").GetInt64());
}
