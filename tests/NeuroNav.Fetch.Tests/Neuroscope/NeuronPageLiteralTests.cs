using NeuroNav.Core;
using NeuroNav.Fetch.Neuroscope;
using NeuroNav.Sample;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Neuroscope;

public sealed class NeuronPageLiteralTests
{
    [Fact]
    public void Literal_fixture_is_the_documented_bytes()
    {
        var bytes = Fixtures.LiteralPage;
        Assert.Equal(3434, bytes.Length);
        Assert.Equal((byte)'<', bytes[0]);
        Assert.EndsWith("</script>\n</details>", Fixtures.LiteralPageText, StringComparison.Ordinal);
        Assert.All(bytes, b => Assert.True(b < 0x80));
    }

    [Fact]
    public void Parser_reads_the_literal_page_as_the_generator_inputs_say()
    {
        var expected = ExpectedNeuron.From(TestPages.Literal(), NeuroscopePageWriter.DefaultCircuitsVisVersion, Fixtures.Provenance);

        var page = NeuronPageParser.Parse(Fixtures.LiteralPage, Fixtures.LiteralId, Fixtures.Provenance);

        Assert.Empty(NeuronComparison.Differences(expected, page));
    }

    [Fact]
    public void Parser_reads_every_field_of_the_literal_page()
    {
        var page = NeuronPageParser.Parse(Fixtures.LiteralPage, Fixtures.LiteralId, Fixtures.Provenance);

        Assert.Equal(Fixtures.LiteralId, page.Id);
        Assert.Equal(2.875200033187866, page.MaxRange);
        Assert.Equal(-2.875200033187866, page.MinRange);
        Assert.Equal("1.38.1", page.CircuitsVisVersion);
        Assert.Same(Fixtures.Provenance, page.Provenance);
        Assert.Equal(2, page.Texts.Count);

        var t0 = page.Texts[0];
        Assert.Equal(0, t0.Index);
        Assert.Equal(2.8752f, t0.MaxActivation);
        Assert.Equal(-0.1699f, t0.MinActivation);
        Assert.Equal(4521789L, t0.DataIndex);
        Assert.Equal("Open Web Text", t0.Dataset);
        Assert.Equal(2, t0.MaxTokenIndex);
        Assert.Equal(["<|endoftext|>", "The", " cat", " sat", " on", " the"], t0.Tokens);
        Assert.Equal([-0.0123f, 0.0456f, 2.8752f, -0.1699f, 0.0005f, 1.25f], t0.Values);
        Assert.Equal(new TokenWindow(0, 6), t0.Truncated);

        var t1 = page.Texts[1];
        Assert.Equal(1, t1.Index);
        Assert.Equal(1.5f, t1.MaxActivation);
        Assert.Equal(-0.17f, t1.MinActivation);
        Assert.Equal(88L, t1.DataIndex);
        Assert.Equal("Open Web Text", t1.Dataset);
        Assert.Equal(3, t1.MaxTokenIndex);
        Assert.Equal(["<|endoftext|>", "He", " said", " \"", "hi", "\"\n"], t1.Tokens);
        Assert.Equal([0.0f, -2e-05f, 0.7071f, 1.5f, -0.16997f, 1e-06f], t1.Values);
        Assert.False(float.IsNegative(t1.Values[0]));
    }

    [Fact]
    public void Parser_shares_one_string_per_distinct_token()
    {
        var page = NeuronPageParser.Parse(Fixtures.LiteralPage, Fixtures.LiteralId, Fixtures.Provenance);
        Assert.Same(page.Texts[0].Tokens[0], page.Texts[1].Tokens[0]);
    }
}
