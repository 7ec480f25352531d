using System.Text;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Sample.Tests;

public sealed class NeuroscopePageWriterTests
{
    private static readonly Provenance NoProvenance = new("gpt2-small/3/1337.html", DateTimeOffset.UnixEpoch, "", 0);

    [Fact]
    public void Writer_reproduces_the_literal_page_byte_for_byte()
    {
        var bytes = NeuroscopePageWriter.Write(Fixture.LiteralPage(), "1.38.1", Fixture.LiteralIds());
        var expected = SourceFixtures.Read(SourceFixtures.NeuronPage);
        Assert.Equal(Encoding.ASCII.GetString(expected), Encoding.ASCII.GetString(bytes));
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Neuron_zero_has_no_prev_link_and_last_neuron_links_past_the_layer()
    {
        var model = Fixture.Catalog["solu-1l"];
        var texts = Fixture.LiteralPage().Texts;
        var first = Encoding.ASCII.GetString(NeuroscopePageWriter.Write(new NeuronPage(model, 0, 0, texts), null, new SeededRenderIds(1)));
        var last = Encoding.ASCII.GetString(NeuroscopePageWriter.Write(new NeuronPage(model, 0, 2047, texts), null, new SeededRenderIds(1)));
        Assert.StartsWith("<div style='font-size:medium;'>\n<a href='../../index.html'>Home</a> | \n", first, StringComparison.Ordinal);
        Assert.Contains("<a href='./2048.html'>Next</a> >\n", last, StringComparison.Ordinal);
        Assert.Contains("< <a href='./2046.html'>Prev</a> | \n", last, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_without_version_imports_the_unversioned_bundle()
    {
        var page = Encoding.ASCII.GetString(NeuroscopePageWriter.Write(Fixture.LiteralPage(), null, Fixture.LiteralIds()));
        Assert.Contains("from \"https://unpkg.com/circuitsvis/dist/cdn/esm.js\";", page, StringComparison.Ordinal);
        Assert.DoesNotContain("circuitsvis@", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpt2-xl", "GPT-2 Xl: 48 Layers, 6400 Neurons per Layer", "Open Web Text")]
    [InlineData("gpt2-small", "GPT-2 Small: 12 Layers, 3072 Neurons per Layer", "Open Web Text")]
    [InlineData("pythia-70m", "None", "The Pile")]
    [InlineData("solu-1l", "SoLU Model: 1 Layers, 2048 Neurons per Layer", "80% C4 (Web Text) and 20% Python Code")]
    [InlineData("gelu-2l", "GELU Model: 2 Layers, 2048 Neurons per Layer", "80% C4 (Web Text) and 20% Python Code")]
    [InlineData("solu-6l-pile", "SoLU Model: 6 Layers, 3072 Neurons per Layer", "The Pile")]
    public void Header_names_model_and_dataset_like_the_generator(string model, string fancy, string dataset)
    {
        var page = new NeuronPage(Fixture.Catalog[model], 1, 5, Fixture.LiteralPage().Texts);
        var html = Encoding.ASCII.GetString(NeuroscopePageWriter.Write(page, "1.38.1", new SeededRenderIds(7)));
        Assert.Contains($"\n<h1>Model: {fancy}</h1>\n<h1>Dataset: {dataset}</h1>\n<h2>Neuron 5 in Layer 1 </h2>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_datasets_agree_with_the_generator_naming()
    {
        foreach (var m in Fixture.Catalog.Models)
        {
            Assert.Equal(m.Dataset, ModelNames.FancyDataset(m.Id));
        }
    }

    [Fact]
    public void Nan_and_infinity_are_written_bare_and_headers_say_nan()
    {
        var model = Fixture.Catalog["solu-1l"];
        var texts = new[]
        {
            new PageText(["<|endoftext|>", "a", "b"], [0.5f, float.PositiveInfinity, float.NegativeInfinity], 3, ModelNames.C4),
            new PageText(["<|endoftext|>", "c", "d"], [0.25f, float.NaN, 1f], 4, ModelNames.Code),
        };
        var html = Encoding.ASCII.GetString(NeuroscopePageWriter.Write(new NeuronPage(model, 0, 3, texts), "1.38.1", new SeededRenderIds(3)));
        Assert.Contains("<h4>Max Range: <b>nan</b>. Min Range: <b>nan</b></h4>\n<h4>Max Act: <b>inf</b>. Min Act: <b>-inf</b></h4>", html, StringComparison.Ordinal);
        Assert.Contains("\"values\": [0.5, Infinity, -Infinity], \"minValue\": NaN, \"maxValue\": NaN}", html, StringComparison.Ordinal);
        Assert.Contains("<h4>Max Act: <b>nan</b>. Min Act: <b>nan</b></h4>\n<h4>Data Index: <b>4</b> (Python Code)</h4>\n<h4>Max Activating Token Index: <b>1</b></h4>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_render_is_the_window_of_fifty_before_and_ten_after()
    {
        var model = Fixture.Catalog["gpt2-small"];
        var tokens = Enumerable.Range(0, 200).Select(i => i == 0 ? "<|endoftext|>" : $" t{i}").ToArray();
        var acts = Enumerable.Range(0, 200).Select(i => i == 120 ? 3f : 0.125f).ToArray();
        var html = Encoding.ASCII.GetString(NeuroscopePageWriter.Write(
            new NeuronPage(model, 0, 1, [new PageText(tokens, acts, 9, ModelNames.OpenWebText)]), "1.38.1", new SeededRenderIds(5)));
        var truncated = html[html.IndexOf("<h3>Truncated</h3>", StringComparison.Ordinal)..html.IndexOf("</summary>", StringComparison.Ordinal)];
        Assert.Contains("{\"tokens\": [\" t70\", ", truncated, StringComparison.Ordinal);
        Assert.Contains(", \" t130\"], \"values\"", truncated, StringComparison.Ordinal);
        Assert.Contains("<h4>Max Activating Token Index: <b>120</b></h4>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Seeded_ids_are_uuid_like_distinct_and_repeatable()
    {
        var a = new SeededRenderIds(42);
        var b = new SeededRenderIds(42);
        var ids = Enumerable.Range(0, 100).Select(_ => a.Next()).ToList();
        Assert.Equal(ids, Enumerable.Range(0, 100).Select(_ => b.Next()));
        Assert.Equal(100, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^circuits-vis-[0-9a-f]{8}-[0-9a-f]{4}$", id));
    }

    [Fact]
    public void Expected_neuron_holds_the_numbers_as_printed()
    {
        var expected = ExpectedNeuron.From(Fixture.LiteralPage(), "1.38.1", NoProvenance);
        Assert.Equal(2.875200033187866, expected.MaxRange);
        Assert.Equal(-2.875200033187866, expected.MinRange);
        Assert.Equal(new NeuronId("gpt2-small", 3, 1337), expected.Id);
        var t1 = expected.Texts[1];
        Assert.Equal(-0.17f, t1.MinActivation);
        Assert.Equal(1.5f, t1.MaxActivation);
        Assert.Equal(3, t1.MaxTokenIndex);
        Assert.Equal(88, t1.DataIndex);
        Assert.Equal([0f, -2e-05f, 0.7071f, 1.5f, -0.16997f, 1e-06f], t1.Values);
        Assert.Equal("\"\n", t1.Tokens[5]);
    }
}
