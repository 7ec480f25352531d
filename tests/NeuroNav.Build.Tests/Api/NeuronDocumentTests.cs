using System.Text.Json;
using NeuroNav.Build.Tests.Fakes;

namespace NeuroNav.Build.Tests.Api;

public sealed class NeuronDocumentTests
{
    [Fact]
    public async Task Neuron_document_keeps_tokens_values_and_writes_null_for_nan()
    {
        using var site = new TinySite();
        await site.BuildAsync();

        using var doc = JsonDocument.Parse(File.ReadAllBytes(site.File("api/tiny-a/0/1.json")));
        var root = doc.RootElement;
        Assert.Equal(["schema", "schema_version", "model", "available", "layer", "neuron", "metadata", "neuroscope", "neuron2graph", "GPT-4"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("neuron", root.GetProperty("schema").GetString());
        Assert.Equal("tiny-a", root.GetProperty("model").GetString());
        Assert.Equal(1, root.GetProperty("neuron").GetInt32());
        Assert.Equal(["Max Activating Dataset Example"], root.GetProperty("available").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("GPT-4").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("neuron2graph").ValueKind);

        var text = root.GetProperty("neuroscope").GetProperty("texts")[0];
        Assert.Equal(" cat", text.GetProperty("tokens")[2].GetString());
        Assert.Equal(" \"é<\"", text.GetProperty("tokens")[4].GetString());
        Assert.Equal(2.8752f, text.GetProperty("values")[2].GetSingle());
        Assert.Equal(JsonValueKind.Null, text.GetProperty("values")[1].ValueKind);
        Assert.Equal(4521789, text.GetProperty("data_index").GetInt64());
        Assert.Equal(0, text.GetProperty("truncated").GetProperty("start").GetInt32());
        Assert.Equal(5, text.GetProperty("truncated").GetProperty("end").GetInt32());

        var metadata = root.GetProperty("metadata");
        Assert.Equal(2.8752f, metadata.GetProperty("statistics").GetProperty("max_activation").GetSingle());
        Assert.Equal((double)2.8752f, metadata.GetProperty("statistics").GetProperty("max_range").GetDouble());
        Assert.Equal("https://neuroscope.io/tiny-a/0/1.html", metadata.GetProperty("links").GetProperty("neuroscope_original").GetString());
        Assert.Equal(new string('a', 64), metadata.GetProperty("provenance").GetProperty("neuroscope").GetProperty("sha256").GetString());
        Assert.Equal(8, metadata.GetProperty("model").GetProperty("neurons_per_layer").GetInt32());
    }

    [Fact]
    public async Task Floats_are_shortest_round_trip_and_unescaped_utf8()
    {
        using var site = new TinySite();
        await site.BuildAsync();

        var json = File.ReadAllText(site.File("api/tiny-a/0/1.json"));
        Assert.Contains("\"values\":[0.5,null,2.8752,-0.0123,1E-06]", json, StringComparison.Ordinal);
        Assert.Contains("\"max_range\":2.875200033187866", json, StringComparison.Ordinal);
        Assert.Contains("\" \\\"é<\\\"\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neuron_with_only_nan_activations_has_null_statistics()
    {
        using var site = new TinySite();
        await site.BuildAsync();

        using var doc = JsonDocument.Parse(File.ReadAllBytes(site.File("api/tiny-a/0/5.json")));
        var stats = doc.RootElement.GetProperty("metadata").GetProperty("statistics");
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("max_activation").ValueKind);
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("max_range").ValueKind);
        Assert.Equal(2, stats.GetProperty("texts").GetInt32());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("neuroscope").GetProperty("min_range").ValueKind);
    }

    [Theory]
    [InlineData(0, null, "api/tiny-a/0/1.json")]
    [InlineData(1, "api/tiny-a/0/0.json", "api/tiny-a/0/2.json")]
    [InlineData(2, "api/tiny-a/0/1.json", null)]
    [InlineData(5, null, null)]
    [InlineData(7, null, null)]
    public async Task Previous_and_next_link_only_to_neighbours_the_site_has(int neuron, string? previous, string? next)
    {
        using var site = new TinySite();
        await site.BuildAsync();

        using var doc = JsonDocument.Parse(File.ReadAllBytes(site.File($"api/tiny-a/0/{neuron}.json")));
        var links = doc.RootElement.GetProperty("metadata").GetProperty("links");
        Assert.Equal(previous, links.GetProperty("previous").GetString());
        Assert.Equal(next, links.GetProperty("next").GetString());
        var page = Assert.Single(site.Renderer.Neurons, p => p.Id.Layer == 0 && p.Id.Model == "tiny-a" && p.Id.Neuron == neuron);
        Assert.Equal((previous is not null, next is not null), (page.HasPrevious, page.HasNext));
    }

    [Fact]
    public async Task Neuroscope_section_is_byte_identical_in_both_documents()
    {
        using var site = new TinySite();
        await site.BuildAsync();

        var neuron = File.ReadAllBytes(site.File("api/tiny-a/0/2.json"));
        var neuroscope = File.ReadAllBytes(site.File("api/tiny-a/neuroscope/0/2.json"));
        Assert.Equal(Section(neuron), Section(neuroscope));

        using var doc = JsonDocument.Parse(neuroscope);
        Assert.Equal("neuroscope", doc.RootElement.GetProperty("schema").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("neuron").GetInt32());
        Assert.Equal("http://127.0.0.1:5081/tiny-a/0/2.html", doc.RootElement.GetProperty("provenance").GetProperty("url").GetString());

        static string Section(byte[] json)
        {
            using var d = JsonDocument.Parse(json);
            return d.RootElement.GetProperty("neuroscope").GetRawText();
        }
    }

    [Fact]
    public async Task Text_with_fewer_values_than_tokens_fails_naming_the_neuron()
    {
        using var site = new TinySite();
        var broken = TinySite.Neuron("tiny-b", 0, 2, 1f);
        site.Corpus.Add(broken with { Texts = [broken.Texts[0] with { Values = [1f] }] });

        var e = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync());
        Assert.Contains("tiny-b/0/2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_with_a_lone_surrogate_becomes_the_replacement_character()
    {
        using var site = new TinySite();
        var neuron = TinySite.Neuron("tiny-b", 0, 2, 1f);
        site.Corpus.Add(neuron with { Texts = [neuron.Texts[0] with { Tokens = ["a", "\ud83d", "b", "c", "d"] }] });

        await site.BuildAsync();

        using var doc = JsonDocument.Parse(File.ReadAllBytes(site.File("api/tiny-b/0/2.json")));
        Assert.Equal("\ufffd", doc.RootElement.GetProperty("neuroscope").GetProperty("texts")[0].GetProperty("tokens")[1].GetString());
    }
}
