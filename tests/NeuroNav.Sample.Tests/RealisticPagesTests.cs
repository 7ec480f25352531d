using System.Text;
using NeuroNav.TestKit;

namespace NeuroNav.Sample.Tests;

public sealed class RealisticPagesTests
{
    [Fact]
    public void Realistic_page_has_twenty_texts_of_1024_tokens_and_matches_its_expectation()
    {
        var page = TestPages.Neuron("gpt2-xl", 47, 6399);
        Assert.Equal(20, page.Expected.Texts.Count);
        Assert.All(page.Expected.Texts, t => Assert.Equal(1024, t.Tokens.Length));
        var html = Encoding.ASCII.GetString(page.Html);
        Assert.Equal(40, html.Split("ColoredTokens,\n").Length - 1);
        Assert.Contains("<h2>Neuron 6399 in Layer 47 </h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href='./6400.html'>Next</a> >", html, StringComparison.Ordinal);
        Assert.EndsWith("</details>", html, StringComparison.Ordinal);
        Assert.InRange(page.Html.Length, 300_000, 600_000);
        Assert.Equal(page.Expected.Provenance.Bytes, page.Html.Length);
    }

    [Fact]
    public void Realistic_pages_are_deterministic_per_seed_and_neuron()
    {
        Assert.Equal(TestPages.Neuron("pythia-70m", 1, 2, 4, 256).Html, TestPages.Neuron("pythia-70m", 1, 2, 4, 256).Html);
        Assert.NotEqual(TestPages.Neuron("pythia-70m", 1, 2, 4, 256).Html, TestPages.Neuron("pythia-70m", 1, 3, 4, 256).Html);
        Assert.NotEqual(TestPages.Neuron("pythia-70m", 1, 2, 4, 256, seed: 2).Html, TestPages.Neuron("pythia-70m", 1, 2, 4, 256).Html);
    }

    [Fact]
    public void Comparison_reports_a_changed_value_by_neuron_and_text()
    {
        var expected = TestPages.Neuron("gpt2-small", 2, 9, 3, 64).Expected;
        Assert.Empty(NeuronComparison.Differences(expected, expected));
        var values = (float[])expected.Texts[1].Values.Clone();
        values[5] += 1;
        var texts = expected.Texts.ToArray();
        texts[1] = texts[1] with { Values = values };
        var diffs = NeuronComparison.Differences(expected, expected with { Texts = texts });
        Assert.StartsWith("gpt2-small/2/9 text #1: values differ (first at 5: ", Assert.Single(diffs), StringComparison.Ordinal);
    }
}
