using System.Text;
using NeuroNav.Core;
using NeuroNav.Fetch.Neuroscope;
using NeuroNav.Sample;
using NeuroNav.TestKit;
using static NeuroNav.Fetch.Tests.Neuroscope.PageEdits;

namespace NeuroNav.Fetch.Tests.Neuroscope;

/// <summary>Pages that are not a valid page for the requested neuron: each must fail with a reason that says why.</summary>
public sealed class NeuronPageRejectTests
{
    private static NeuronPageException Reject(byte[] page, NeuronId? id = null)
    {
        var neuron = id ?? Fixtures.LiteralId;
        var e = Assert.Throws<NeuronPageException>(() => NeuronPageParser.Parse(page, neuron, Fixtures.Provenance));
        Assert.Equal(neuron, e.Neuron);
        Assert.StartsWith(neuron.ToString() + ": ", e.Message, StringComparison.Ordinal);
        return e;
    }

    private static NeuronPageException Reject(string page, NeuronId? id = null) => Reject(Encoding.UTF8.GetBytes(page), id);

    private static string Literal => Fixtures.LiteralPageText;

    [Fact]
    public void Parser_rejects_page_for_other_neuron()
    {
        var e = Reject(Fixtures.LiteralPage, new NeuronId("gpt2-small", 3, 1336));
        Assert.Equal("the page is for neuron 1337 in layer 3, expected neuron 1336 in layer 3", e.Reason);
    }

    [Fact]
    public void Parser_rejects_page_for_other_layer()
    {
        var e = Reject(Fixtures.LiteralPage, new NeuronId("gpt2-small", 4, 1337));
        Assert.Equal("the page is for neuron 1337 in layer 3, expected neuron 1337 in layer 4", e.Reason);
    }

    [Fact]
    public void Parser_rejects_page_for_other_model()
    {
        var e = Reject(Fixtures.LiteralPage, new NeuronId("gpt2-xl", 3, 1337));
        Assert.Equal("the page is for model 'gpt2-small', expected 'gpt2-xl'", e.Reason);
    }

    [Theory]
    [InlineData("\n<script>\n    window.location.replace(\"index.html\");\n</script>\n")]
    [InlineData("\n<script>\n    window.location.replace(\"../index.html\");\n</script>\n")]
    [InlineData("\n<script>\n    window.location.replace(Math.floor(Math.random() * 3072) + \".html\");\n</script>\n    ")]
    public void Parser_rejects_redirect_pages(string page)
    {
        Assert.Equal("redirect page, not a neuron page", Reject(page).Reason);
    }

    [Fact]
    public void Parser_rejects_legacy_lexoscope_page()
    {
        const string page =
            "<style>.token { border: 1px solid #ddd; }</style>" +
            "<h1>Model: SoLU Model: 1 Layers, 2048 Neurons per Layer</h1><h2>Neuron 1337 in Layer 3</h2><hr>" +
            "<h3>Text #0</h3><h4>Max Act: <b>2.8752</b></h4>" +
            "<span class='token' style='background-color:rgb(255,255,255)' >The</span>" +
            "<span class='token' style='background-color:rgb(255,10,10)' > cat</span><br><br>" +
            "<h3>Text #1</h3><span class='token' style='background-color:rgb(255,200,200)' >He</span>";

        Assert.StartsWith("legacy lexoscope page", Reject(page).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_rejects_legacy_lexoscope_page_as_the_old_generator_wrote_it()
    {
        var page = LegacyLexoscopeWriter.Write(TestPages.Literal());
        Assert.Contains("<h2>Neuron 1337 in Layer 3</h2>", page, StringComparison.Ordinal);

        Assert.StartsWith("legacy lexoscope page", Reject(page).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_rejects_the_redirect_pages_the_generator_writes()
    {
        Assert.All(
            [SiteIndexWriter.RedirectToIndex(), SiteIndexWriter.RedirectToIndexOneUp(), SiteIndexWriter.RandomRedirect(3072)],
            page => Assert.Equal("redirect page, not a neuron page", Reject(page).Reason));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("  \r\n\t")]
    public void Parser_rejects_empty_body(string page)
    {
        Assert.Equal("empty body", Reject(page).Reason);
    }

    [Theory]
    [InlineData("<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>")]
    [InlineData("{\"tokens\": [\"a\"], \"values\": [1.0]}")]
    [InlineData("\u0000\u0001\u0002garbage")]
    public void Parser_rejects_pages_without_a_neuron_header(string page)
    {
        Assert.Contains("no '<h2>Neuron N in Layer L </h2>' header", Reject(page).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_rejects_every_truncation_of_a_page()
    {
        var page = Fixtures.Synthetic(texts: 3, tokens: 80).Html;
        var texts = 0;
        for (var cut = 0; cut < page.Length; cut += 3)
        {
            var prefix = page.AsSpan(0, cut);
            if (prefix.EndsWith("</details>"u8))
            {
                texts++;
                continue;
            }

            Reject(prefix.ToArray(), new NeuronId("gpt2-small", 3, 1337));
        }

        Assert.True(texts <= 2);
        Assert.Contains("truncated", Reject(page[..(page.Length - 20)], new NeuronId("gpt2-small", 3, 1337)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_rejects_a_page_cut_right_after_a_separator()
    {
        var at = Literal.LastIndexOf("\n<hr>\n", StringComparison.Ordinal) + 6;
        Assert.Contains("truncated", Reject(Literal[..at]).Reason, StringComparison.Ordinal);
        Assert.Contains("truncated", Reject(Literal[..Literal.IndexOf("\n<hr>\n", StringComparison.Ordinal)]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_rejects_truncated_render_that_is_not_the_full_texts_window()
    {
        var abc = Fixtures.Write(Fixtures.OneText(["a", "b", "c"], [0.1f, 0.9f, 0.2f]));
        var tokens = Reject(ReplaceAfter(abc, "<h3>Truncated</h3>", "\"b\"", "\"B\""));
        Assert.Equal("Text #0: truncated token 1 is \"B\" but full-text token 1 is \"b\"", tokens.Reason);

        var values = Reject(ReplaceAfter(abc, "<h3>Truncated</h3>", "\"values\": [0.1, 0.9, 0.2]", "\"values\": [0.1, 0.9, 0.25]"));
        Assert.Equal("Text #0: truncated value 2 is 0.25 but full-text value 2 is 0.2", values.Reason);

        // 80 tokens peaking at 60: the truncated render is widened from [10, 71) to [0, 71).
        var tokens80 = Enumerable.Range(0, 80).Select(i => $"t{i}").ToArray();
        var values80 = new float[80];
        values80[60] = 0.5f;
        var wide = ReplaceAfter(
            Fixtures.Write(Fixtures.OneText(tokens80, values80)),
            "<h3>Truncated</h3>",
            "{\"tokens\": [\"t10\", ",
            "{\"tokens\": [" + string.Concat(tokens80[..11].Select(t => $"\"{t}\", ")));
        wide = ReplaceAfter(wide, "<h3>Truncated</h3>", "\"values\": [", "\"values\": [" + string.Concat(Enumerable.Repeat("0.0, ", 10)));
        var window = Reject(wide);
        Assert.Contains("window [10, 71) around token 60 holds 61", window.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_rejects_tokens_values_length_mismatch()
    {
        var page = Fixtures.Write(Fixtures.OneText(["a", "b", "c"], [0.1f, 0.9f, 0.2f]));
        var e = Reject(ReplaceValues(page, "0.1, 0.9"));
        Assert.Equal("Text #0: the full text has 3 tokens but 2 values", e.Reason);
    }

    [Fact]
    public void Parser_rejects_max_token_index_outside_the_text()
    {
        var page = ReplaceAfter(Literal, "Text #1", "Max Activating Token Index: <b>3</b>", "Max Activating Token Index: <b>6</b>");
        Assert.Equal("Text #1: Max Activating Token Index 6 is outside the text's 6 tokens", Reject(page).Reason);
    }

    [Fact]
    public void Parser_rejects_invalid_utf8()
    {
        var page = Fixtures.LiteralPage;
        var at = Literal.IndexOf(" cat", StringComparison.Ordinal);
        page[at] = 0xFF;
        Assert.Equal($"the body is not valid UTF-8 (first bad byte at offset {at})", Reject(page).Reason);
    }

    [Fact]
    public void Parser_rejects_texts_out_of_order()
    {
        var page = Literal.Replace("<h2>Text #1</h2>", "<h2>Text #2</h2>", StringComparison.Ordinal);
        Assert.Equal("Text #1: headed 'Text #2' at position 1", Reject(page).Reason);
    }

    [Fact]
    public void Parser_rejects_content_in_the_logits_section()
    {
        var page = Literal.Replace("\n<hr>\n\n<hr>\n", "\n<hr>\n<h3>Logits</h3>\n<hr>\n", StringComparison.Ordinal);
        Assert.Contains("logits section", Reject(page).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_rejects_header_range_that_disagrees_with_max_value()
    {
        var page = ReplaceAfter(Literal, "Text #1", "Max Range: <b>2.8752</b>", "Max Range: <b>2.9752</b>");
        Assert.StartsWith("Text #1: the header's Max Range 2.9752", Reject(page).Reason, StringComparison.Ordinal);

        var other = ReplaceAfter(Literal, "Full Text #1", "\"maxValue\": 2.875200033187866", "\"maxValue\": 3.0");
        Assert.StartsWith("Text #1: the full-text render's range", Reject(other).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\" cat\"", "\" c\\xat\"", "invalid string escape '\\x'")]
    [InlineData("\" cat\"", "\" c\\u12G4t\"", "invalid \\u escape")]
    [InlineData("\"minValue\"", "\"colors\"", "unexpected or repeated key \"colors\"")]
    [InlineData("0.0456, 2.8752", "0.0456,, 2.8752", "expected a number")]
    [InlineData("0.0456, 2.8752", "0.0456, 2.87x52", "'2.87x52' is not a number")]
    [InlineData("2.875200033187866}", "2.875200033187866} x", "unexpected text after the props object")]
    [InlineData("\"values\": [", "\"valuez\": [", "unexpected or repeated key \"valuez\"")]
    public void Parser_rejects_malformed_props_json(string old, string replacement, string reason)
    {
        var page = ReplaceAfter(Literal, "Full Text #0", old, replacement);
        var e = Reject(page);
        Assert.StartsWith("Text #0: full-text render: props JSON, byte ", e.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<h4>Data Index: <b>88</b>", "<h4>Data Index: <b>eighty</b>")]
    [InlineData("<h4>Max Act: <b>1.5000</b>", "<h4>Max Act: <b>1.5.0</b>")]
    [InlineData("<h4>Max Act: <b>1.5000</b>", "<h4>Max Activation: <b>1.5000</b>")]
    [InlineData("</summary>\n<h3>Full Text #1</h3>", "<h3>Full Text #1</h3>")]
    [InlineData("circuitsvis@1.38.1/dist", "circuitsvis@/dist")]
    public void Parser_rejects_malformed_text_block(string old, string replacement)
    {
        var page = ReplaceAfter(Literal, "Text #1", old, replacement);
        Assert.StartsWith("Text #1: ", Reject(page).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_lets_no_other_exception_type_escape_on_mangled_pages()
    {
        var original = Fixtures.LiteralPage;
        var random = new Random(42);
        var parsed = 0;
        for (var round = 0; round < 3000; round++)
        {
            var page = (byte[])original.Clone();
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                page[random.Next(page.Length)] = (byte)random.Next(256);
            }

            try
            {
                NeuronPageParser.Parse(page, Fixtures.LiteralId, Fixtures.Provenance);
                parsed++;
            }
            catch (NeuronPageException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                Assert.DoesNotContain("unreadable page", e.Reason, StringComparison.Ordinal);
            }
        }

        Assert.InRange(parsed, 1, 2999);
    }
}
