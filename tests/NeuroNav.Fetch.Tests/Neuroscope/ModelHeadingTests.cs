using System.Text;
using System.Text.RegularExpressions;
using NeuroNav.Core;
using NeuroNav.Fetch.Neuroscope;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Neuroscope;

/// <summary>
/// Pages without the TransformerLens from_pretrained line: the parser checks the page's own <c>&lt;h1&gt;Model:</c> and
/// <c>&lt;h1&gt;Dataset:</c> headings (docs/sources/neuroscope.md#model-and-dataset-headings) against the model asked for.
/// </summary>
public sealed partial class ModelHeadingTests
{
    /// <summary>The generator's page of <paramref name="model"/> layer 0 neuron 5, without its loading line.</summary>
    private static byte[] PageOf(string model)
    {
        var page = Fixtures.Page(Fixtures.Text(["<|endoftext|>", " cat"], [0.5f, 2.875f])) with { Model = SampleMirrorServer.Catalog[model], Layer = 0, Neuron = 5 };
        var html = Fixtures.Write(page);
        var without = LoadingLine().Replace(html, "");
        Assert.NotEqual(html, without);
        return Encoding.ASCII.GetBytes(without);
    }

    private static NeuroscopeNeuron Parse(byte[] page, string model) => NeuronPageParser.Parse(page, new NeuronId(model, 0, 5), Fixtures.Provenance);

    [Fact]
    public void Parser_rejects_solu_page_served_as_gpt2_small_when_the_loading_line_is_absent()
    {
        var e = Assert.Throws<NeuronPageException>(() => Parse(PageOf("solu-1l"), "gpt2-small"));

        Assert.Equal(new NeuronId("gpt2-small", 0, 5), e.Neuron);
        Assert.Equal("the page is for model 'SoLU Model: 1 Layers, 2048 Neurons per Layer' (80% C4 (Web Text) and 20% Python Code), expected 'gpt2-small'", e.Reason);
    }

    [Theory]
    [InlineData("solu-1l", "solu-1l-pile")]
    [InlineData("solu-4l-pile", "solu-4l")]
    [InlineData("solu-1l", "gelu-1l")]
    [InlineData("gelu-1l", "gelu-2l")]
    [InlineData("gpt2-small", "gpt2-medium")]
    [InlineData("pythia-70m", "gpt2-small")]
    [InlineData("gpt2-xl", "pythia-160m")]
    public void Parser_rejects_headings_of_another_model(string served, string asked)
    {
        var e = Assert.Throws<NeuronPageException>(() => Parse(PageOf(served), asked));
        Assert.StartsWith("the page is for model '", e.Reason, StringComparison.Ordinal);
        Assert.EndsWith($", expected '{asked}'", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpt2-small")]
    [InlineData("gpt2-xl")]
    [InlineData("solu-1l-pile")]
    [InlineData("gelu-4l")]
    [InlineData("solu-12l")]
    [InlineData("pythia-350m")]
    public void Parser_accepts_headings_of_the_model_asked_for(string model)
    {
        var neuron = Parse(PageOf(model), model);

        Assert.Equal(new NeuronId(model, 0, 5), neuron.Id);
        Assert.Single(neuron.Texts);
    }

    [Fact]
    public void Parser_rejects_page_that_names_no_model_at_all()
    {
        var page = Encoding.ASCII.GetString(PageOf("gpt2-small"));
        var bare = ModelHeadingLine().Replace(page, "");

        var e = Assert.Throws<NeuronPageException>(() => Parse(Encoding.ASCII.GetBytes(bare), "gpt2-small"));
        Assert.Equal("the page names no model: neither a from_pretrained line nor a '<h1>Model: ...</h1>' heading", e.Reason);
    }

    [GeneratedRegex(@"\n<h3>Transformer Lens Loading: [^\n]*</h3>")]
    private static partial Regex LoadingLine();

    [GeneratedRegex(@"<h1>Model: [^\n]*</h1>\n")]
    private static partial Regex ModelHeadingLine();
}
