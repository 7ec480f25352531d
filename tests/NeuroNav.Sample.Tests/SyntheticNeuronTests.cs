using NeuroNav.Sample.Formats;
using NeuroNav.Sample.Synthetic;

namespace NeuroNav.Sample.Tests;

public sealed class SyntheticNeuronTests
{
    private static NeuronPage Page(string model, ulong seed, float? top = null) =>
        SyntheticNeuron.Page(new SyntheticNeuronSpec(Fixture.Catalog[model], 0, 1, seed, 20, 48, 160, top));

    [Fact]
    public void Same_seed_gives_the_same_page_and_another_seed_does_not()
    {
        var a = NeuroscopePageWriter.Write(Page("gpt2-small", 7), "1.38.1", new SeededRenderIds(1));
        var b = NeuroscopePageWriter.Write(Page("gpt2-small", 7), "1.38.1", new SeededRenderIds(1));
        var c = NeuroscopePageWriter.Write(Page("gpt2-small", 8), "1.38.1", new SeededRenderIds(1));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Sequence_is_pinned_so_other_runtimes_cannot_change_it()
    {
        var random = new SplitMix64(1234567);
        Assert.Equal(6457827717110365317UL, random.NextUInt64());
        Assert.Equal(3203168211198807973UL, random.NextUInt64());
    }

    [Theory]
    [InlineData("gpt2-small")]
    [InlineData("solu-1l")]
    [InlineData("pythia-70m")]
    public void Texts_start_with_bos_and_peak_once_falling_from_text_zero(string model)
    {
        var page = Page(model, 3);
        Assert.Equal(20, page.Texts.Count);
        var top = page.Texts[0].Activations.Max();
        foreach (var t in page.Texts)
        {
            Assert.Equal(TokenVocabulary.Bos, t.Tokens[0]);
            Assert.InRange(t.Length, 48, 160);
            var max = t.Activations.Max();
            Assert.Single(t.Activations, v => v == max);
            Assert.True(max <= top);
            Assert.All(t.Activations, v => Assert.Equal(v, SyntheticNeuron.Quantize(v)));
        }
    }

    [Fact]
    public void Negative_top_activation_keeps_every_value_below_it()
    {
        var page = Page("gpt2-small", 5, -0.0429f);
        Assert.Equal(-0.0429f, page.Texts[0].Activations.Max());
        Assert.All(page.Texts.SelectMany(t => t.Activations), v => Assert.True(v <= -0.0429f));
    }

    [Fact]
    public void C4_code_models_label_rows_by_their_side_of_the_boundary()
    {
        var texts = Enumerable.Range(0, 10).SelectMany(s => Page("solu-1l", (ulong)s).Texts).ToList();
        Assert.Contains(texts, t => t.Dataset == ModelNames.Code);
        Assert.All(texts, t => Assert.Equal(t.DataIndex >= SyntheticNeuron.C4Rows ? ModelNames.Code : ModelNames.C4, t.Dataset));
    }

    [Fact]
    public void Vocabulary_has_non_ascii_astral_and_newline_tokens()
    {
        Assert.Contains(TokenVocabulary.Prose, t => t.Any(char.IsSurrogate));
        Assert.Contains(TokenVocabulary.Prose, t => t.Any(c => c > 0x7F && !char.IsSurrogate(c)));
        Assert.Contains("\n", TokenVocabulary.Prose);
        Assert.Contains(TokenVocabulary.Prose, t => t.StartsWith(' '));
    }

    [Fact]
    public void Fast_rounded_repr_agrees_with_round_then_repr()
    {
        var random = new SplitMix64(99);
        Span<char> fast = stackalloc char[40];
        for (var i = 0; i < 50_000; i++)
        {
            var scale = (i % 7) switch { 0 => 1e-7, 1 => 1e-4, 2 => 1.0, 3 => 100.0, 4 => 1e6, 5 => 1e9, _ => 1e12 };
            var x = (double)(float)((random.NextDouble() - 0.4) * scale);
            var n = PythonFloat.ReprRounded(x, 6, fast);
            Assert.Equal(PythonFloat.Repr(PythonFloat.Round(x, 6)), new string(fast[..n]));
        }
    }
}
