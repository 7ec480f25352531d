using System.Text.Json;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Core;

namespace NeuroNav.Build.Tests.Api;

/// <summary>
/// A layer's neurons are the union over sources: on the tiny site Neuroscope answered 404 for tiny-a/0/3 and sent an
/// invalid page for tiny-a/0/6, which GPT-4 and Neuron2Graph hold; tiny-a/0/4 failed everywhere and has no data.
/// </summary>
public sealed class UnionOfSourcesTests
{
    private static readonly NeuronId Missing = new("tiny-a", 0, 3);
    private static readonly NeuronId Failed = new("tiny-a", 0, 4);
    private static readonly NeuronId Invalid = new("tiny-a", 0, 6);

    private static async Task<TinySite> BuildAsync()
    {
        var site = new TinySite();
        site.Use(new FakeSectionSource(Gpt4Module.WithoutData, new Dictionary<NeuronId, (double?, string)>
        {
            [Missing] = (0.43, "the word cat"),
            [Invalid] = (0.12, "commas"),
        }));
        site.Use(new FakeSectionSource(Neuron2GraphModule.WithoutData, new Dictionary<NeuronId, (double?, string)>
        {
            [Invalid] = (0.56, "graph"),
        }));
        site.Corpus.Cover(new NeuronId("tiny-a", 0, 2), CoverageStatus.Invalid, SourceInfo.Gpt4.Id);
        await site.BuildAsync();
        return site;
    }

    private static JsonElement Read(TinySite site, string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(site.File(path)));
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Neuron_that_only_other_sources_hold_gets_its_documents_without_neuroscope()
    {
        using var site = await BuildAsync();

        var doc = Read(site, "api/tiny-a/0/3.json");
        Assert.Equal(["GPT-4 Explanation"], doc.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("neuroscope").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("neuron2graph").ValueKind);
        Assert.Equal("the word cat", doc.GetProperty("GPT-4").GetProperty("explanation").GetString());
        var metadata = doc.GetProperty("metadata");
        Assert.Equal(JsonValueKind.Null, metadata.GetProperty("statistics").ValueKind);
        Assert.False(metadata.GetProperty("provenance").TryGetProperty("neuroscope", out _));
        var neuroscope = metadata.GetProperty("coverage").GetProperty("neuroscope");
        Assert.Equal("missing_upstream", neuroscope.GetProperty("status").GetString());
        Assert.Equal("test", neuroscope.GetProperty("reason").GetString());
        Assert.Equal("present", metadata.GetProperty("coverage").GetProperty("gpt4").GetProperty("status").GetString());
        Assert.Equal("not_attempted", metadata.GetProperty("coverage").GetProperty("neuron2graph").GetProperty("status").GetString());

        Assert.True(File.Exists(site.File("api/tiny-a/gpt4/0/3.json")));
        Assert.False(File.Exists(site.File("api/tiny-a/neuroscope/0/3.json")));
        var invalid = Read(site, "api/tiny-a/0/6.json");
        Assert.Equal(["Neuron Graph", "GPT-4 Explanation"], invalid.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("invalid", invalid.GetProperty("metadata").GetProperty("coverage").GetProperty("neuroscope").GetProperty("status").GetString());
        Assert.True(File.Exists(site.File("api/tiny-a/neuron2graph/0/6.json")));
        Assert.True(File.Exists(site.File("tiny-a/0/6.html")));
    }

    [Fact]
    public async Task Neuron_with_a_failed_row_and_no_data_gets_no_page()
    {
        using var site = await BuildAsync();

        Assert.False(File.Exists(site.File("api/tiny-a/0/4.json")));
        Assert.False(File.Exists(site.File("tiny-a/0/4.html")));
        Assert.DoesNotContain(site.Renderer.Layers.Single(l => l.Model.Id == "tiny-a" && l.Layer == 0).Neurons, n => n.Neuron == Failed.Neuron);
    }

    [Fact]
    public async Task Listings_and_neighbour_links_follow_the_union()
    {
        using var site = await BuildAsync();

        var layer = Read(site, "api/tiny-a/0/index.json");
        Assert.Equal([0, 1, 2, 3, 5, 6, 7], layer.GetProperty("neurons").EnumerateArray().Select(n => n.GetProperty("neuron").GetInt32()));
        var row = layer.GetProperty("neurons").EnumerateArray().Single(n => n.GetProperty("neuron").GetInt32() == 3);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("max_activation").ValueKind);
        Assert.Equal("the word cat", row.GetProperty("explanation").GetString());
        Assert.Equal(7, layer.GetProperty("neurons").EnumerateArray().Select(n => n.GetProperty("rank").GetInt32()).Distinct().Count());

        Assert.Equal("api/tiny-a/0/3.json", Read(site, "api/tiny-a/0/2.json").GetProperty("metadata").GetProperty("links").GetProperty("next").GetString());
        var links = Read(site, "api/tiny-a/0/3.json").GetProperty("metadata").GetProperty("links");
        Assert.Equal("api/tiny-a/0/2.json", links.GetProperty("previous").GetString());
        Assert.Equal(JsonValueKind.Null, links.GetProperty("next").ValueKind);
        Assert.Equal("api/tiny-a/0/6.json", Read(site, "api/tiny-a/0/5.json").GetProperty("metadata").GetProperty("links").GetProperty("next").GetString());

        var page = site.Renderer.Neurons.Single(p => p.Id == Missing);
        Assert.Null(page.Neuroscope);
        Assert.True(page.HasPrevious);
        Assert.False(page.HasNext);
        Assert.Equal("missing_upstream", page.Coverage.Single(c => c.Source == SourceInfo.Neuroscope).Status);

        var search = Read(site, "api/tiny-a/search/explanations/wo.json");
        Assert.Contains(search.GetProperty("entries").EnumerateArray(), e => e[0].GetInt32() == 0 && e[1].GetInt32() == 3);
    }

    [Fact]
    public async Task Document_says_why_a_present_neuron_lacks_another_source()
    {
        using var site = await BuildAsync();

        var gpt4 = Read(site, "api/tiny-a/0/2.json").GetProperty("metadata").GetProperty("coverage").GetProperty("gpt4");
        Assert.Equal("invalid", gpt4.GetProperty("status").GetString());
        Assert.Equal("test", gpt4.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, Read(site, "api/tiny-a/0/2.json").GetProperty("GPT-4").ValueKind);
    }
}
