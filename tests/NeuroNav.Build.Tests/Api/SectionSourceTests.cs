using System.Text.Json;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Core;

namespace NeuroNav.Build.Tests.Api;

public sealed class SectionSourceTests
{
    [Fact]
    public async Task Section_fills_its_key_its_label_and_its_own_document_only_where_present()
    {
        using var site = new TinySite();
        site.Use(new FakeSectionSource(Gpt4Module.WithoutData, new Dictionary<NeuronId, (double?, string)>
        {
            [new NeuronId("tiny-a", 0, 1)] = (0.43, "the word \"cat\" <b>"),
        }));
        site.Use(new FakeSectionSource(Neuron2GraphModule.WithoutData, new Dictionary<NeuronId, (double?, string)>
        {
            [new NeuronId("tiny-a", 0, 1)] = (0.56, "graph"),
            [new NeuronId("tiny-a", 0, 2)] = (null, "graph"),
        }));
        await site.BuildAsync();

        using var doc = JsonDocument.Parse(File.ReadAllBytes(site.File("api/tiny-a/0/1.json")));
        var root = doc.RootElement;
        Assert.Equal(["Max Activating Dataset Example", "Neuron Graph", "GPT-4 Explanation"], root.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(0.43, root.GetProperty("GPT-4").GetProperty("explanation-score").GetDouble());
        Assert.Equal("the word \"cat\" <b>", root.GetProperty("GPT-4").GetProperty("explanation").GetString());
        Assert.Equal(0.56, root.GetProperty("neuron2graph").GetProperty("explanation-score").GetDouble());

        using var other = JsonDocument.Parse(File.ReadAllBytes(site.File("api/tiny-a/0/2.json")));
        Assert.Equal(["Max Activating Dataset Example", "Neuron Graph"], other.RootElement.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(JsonValueKind.Null, other.RootElement.GetProperty("GPT-4").ValueKind);

        using var gpt4 = JsonDocument.Parse(File.ReadAllBytes(site.File("api/tiny-a/gpt4/0/1.json")));
        Assert.Equal("gpt4", gpt4.RootElement.GetProperty("schema").GetString());
        Assert.Equal(0.43, gpt4.RootElement.GetProperty("GPT-4").GetProperty("explanation-score").GetDouble());
        Assert.True(File.Exists(site.File("api/tiny-a/neuron2graph/0/2.json")));
        Assert.False(File.Exists(site.File("api/tiny-a/gpt4/0/2.json")));
        Assert.False(File.Exists(site.File("api/tiny-a/neuron2graph/0/0.json")));
    }

    [Fact]
    public async Task Layer_listing_carries_the_sections_scores_and_explanation()
    {
        using var site = new TinySite();
        site.Use(new FakeSectionSource(Gpt4Module.WithoutData, new Dictionary<NeuronId, (double?, string)>
        {
            [new NeuronId("tiny-a", 0, 7)] = (0.25, "commas"),
        }));
        await site.BuildAsync();

        var layer = site.Renderer.Layers.Single(l => l.Model.Id == "tiny-a" && l.Layer == 0);
        var row = layer.Neurons.Single(n => n.Neuron == 7);
        Assert.Equal(0.25, row[Gpt4Module.Score].Number);
        Assert.Equal("commas", row[Gpt4Module.Explanation].Text);
        Assert.Null(layer.Neurons.Single(n => n.Neuron == 0)[Gpt4Module.Explanation].Text);
    }
}
