using System.Buffers;
using System.Text;
using System.Text.Json;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Html;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Gpt4;

public sealed class Gpt4SectionTests : IDisposable
{
    private static readonly ModelInfo Model = TinySite.Catalog["gpt2-small"];
    private readonly TempDirectory _temp = new("neuronav-gpt4-build");

    public void Dispose() => _temp.Dispose();

    private static Gpt4Neuron Neuron(int layer, int neuron, string explanation, double? score, bool related = true)
    {
        var file = new Provenance($"https://example.test/{layer}/{neuron}.jsonl", DateTimeOffset.UnixEpoch, new string('b', 64), 99);
        return new Gpt4Neuron(
            new NeuronId("gpt2-small", layer, neuron),
            related
                ? new Dictionary<Gpt4Dataset, Provenance> { [Gpt4Dataset.Explanations] = file, [Gpt4Dataset.RelatedNeurons] = file, [Gpt4Dataset.RelatedTokensByActivation] = file }
                : new Dictionary<Gpt4Dataset, Provenance> { [Gpt4Dataset.Explanations] = file },
            [new Gpt4Explanation(0, explanation, score, double.NaN, 0.2, [new Gpt4Simulation(0, [" <b>", "&", "\n"], [0f, 4.5f, float.NaN], [0.5f, 4f, 0f], null, 0.3, null)])],
            null,
            related ? [new Gpt4RelatedNeuron(Gpt4Direction.Output, true, 0, 3, 9, 0.5), new Gpt4RelatedNeuron(Gpt4Direction.Output, false, 0, 3, 4, null)] : null,
            related ? [new Gpt4RelatedToken(Gpt4TokenKind.Activation, 0, "</script>", 3.9)] : null);
    }

    private async Task<ILayerSections> LoadAsync()
    {
        var store = new Gpt4Store(_temp.Path);
        await store.WriteBatchAsync("gpt2-small", 0, [Neuron(0, 1, "the <script>alert(\"x\")</script> tag", 0.43), Neuron(0, 2, "unscored", null, related: false)], [], CancellationToken.None);
        await store.WriteBatchAsync("gpt2-small", 3, [Neuron(3, 9, "downstream", 0.77, related: false)], [], CancellationToken.None);
        await new NeuroNav.Corpus.CorpusStore(_temp.Path).WriteBatchAsync("gpt2-small", 3, [TinySite.Neuron("gpt2-small", 3, 9, 1f)], [], CancellationToken.None);
        var empty = Neuron(0, 4, "x", 0.1) with { Explanations = [], Files = new Dictionary<Gpt4Dataset, Provenance> { [Gpt4Dataset.RelatedNeurons] = new("u", DateTimeOffset.UnixEpoch, new string('c', 64), 1) } };
        await store.WriteBatchAsync("gpt2-small", 0, [empty], [], CancellationToken.None);
        return await new Gpt4SectionSource(store).LoadLayerAsync(Model, 0, CancellationToken.None);
    }

    [Fact]
    public async Task Section_json_has_the_top_explanation_its_score_null_for_non_finite_numbers_and_related_neurons_explained()
    {
        var section = (await LoadAsync()).Get(1)!;
        using var doc = JsonDocument.Parse(Json(section));
        var root = doc.RootElement;

        Assert.Equal(0.43, section.Score);
        Assert.Equal("the <script>alert(\"x\")</script> tag", section.Summary);
        Assert.Equal(0.43, root.GetProperty("explanation-score").GetDouble());
        var explanation = root.GetProperty("explanations")[0];
        Assert.Equal(JsonValueKind.Null, explanation.GetProperty("rsquared_score").ValueKind);
        Assert.Equal(JsonValueKind.Null, explanation.GetProperty("sequences")[0].GetProperty("true_activations")[2].ValueKind);
        var output = root.GetProperty("related_neurons").GetProperty("output");
        Assert.Equal("downstream", output[0].GetProperty("explanation").GetString());
        Assert.Equal(0.77, output[0].GetProperty("explanation-score").GetDouble());
        Assert.Equal(JsonValueKind.Null, output[1].GetProperty("explanation").ValueKind);
        Assert.Equal("api/gpt2-small/3/9.json", output[0].GetProperty("api").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("activations").ValueKind);
        Assert.Equal("https://example.test/0/1.jsonl", root.GetProperty("provenance").GetProperty("explanations").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Neuron_without_an_explanation_gets_no_section_and_a_null_score_stays_null()
    {
        var layer = await LoadAsync();
        Assert.Null(layer.Get(4));
        Assert.Null(layer.Get(3));
        var unscored = layer.Get(2)!;
        Assert.Null(unscored.Score);
        using var doc = JsonDocument.Parse(Json(unscored));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("explanation-score").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("related_neurons").ValueKind);
    }

    [Fact]
    public async Task Page_escapes_source_text_and_links_related_neurons_relatively_only_where_the_site_has_their_page()
    {
        var section = (await LoadAsync()).Get(1)!;
        var renderer = ScribanPageRenderer.Load(Repo.Path("templates"), Repo.Path("content"), "0.0.0-test");
        var id = new NeuronId("gpt2-small", 0, 1);
        var page = Encoding.UTF8.GetString(renderer.RenderNeuron(new NeuronPageModel(
            Model, id, TinySite.Neuron("gpt2-small", 0, 1, 2f), false, false, "https://neuroscope.io/gpt2-small/0/1.html", [new NeuronSection(SourceInfo.Gpt4, section)])));

        Assert.Contains("the &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; tag", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"p10 mx\" title=\"4.5\">&amp;</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"p1\" title=\"0.5\"> &lt;b&gt;</span>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"../3/9.html\">Layer 3 neuron 9</a>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Layer 3 neuron 4 <span", page, StringComparison.Ordinal);
        Assert.Contains("Explanation score <b>0.43</b>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", page, StringComparison.Ordinal);
    }

    private static byte[] Json(INeuronSection section)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            section.WriteJson(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
