using System.Text;
using NeuroNav.Core;
using NeuroNav.Fetch.Neuroscope;
using NeuroNav.Sample;
using NeuroNav.TestKit;
using static NeuroNav.Fetch.Tests.Neuroscope.Fixtures;

namespace NeuroNav.Fetch.Tests.Neuroscope;

/// <summary>docs/sources/neuroscope.md#quirks-a-valid-page-may-have: quirks a valid page may have, each of which must parse.</summary>
public sealed class NeuronPageQuirkTests
{
    private static NeuroscopeNeuron Parse(NeuronPage page, string? circuitsVisVersion = NeuroscopePageWriter.DefaultCircuitsVisVersion) =>
        Parse(Write(page, circuitsVisVersion));

    private static NeuroscopeNeuron Parse(string page) => NeuronPageParser.Parse(Encoding.UTF8.GetBytes(page), LiteralId, Fixtures.Provenance);

    [Fact]
    public void Parser_reads_bare_NaN_and_Infinity_in_values_and_range()
    {
        var page = OneText(["a", "b", "c", "d", "e"], [0.1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 2.0f]);
        var text = Write(page);
        Assert.Contains("\"values\": [0.1, NaN, Infinity, -Infinity, 2.0], \"minValue\": NaN, \"maxValue\": NaN", text, StringComparison.Ordinal);
        Assert.Contains("<h4>Max Range: <b>nan</b>. Min Range: <b>nan</b></h4>", text, StringComparison.Ordinal);

        var neuron = Parse(page);

        Assert.True(double.IsNaN(neuron.MaxRange));
        Assert.True(double.IsNaN(neuron.MinRange));
        var t = neuron.Texts[0];
        Assert.Equal(1, t.MaxTokenIndex);
        Assert.True(float.IsNaN(t.MaxActivation));
        Assert.Equal([0.1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 2.0f], t.Values);
    }

    [Fact]
    public void Parser_reads_infinite_range_and_inf_headers()
    {
        var neuron = Parse(OneText(["a", "b"], [float.PositiveInfinity, 0.5f]));

        Assert.Equal(double.PositiveInfinity, neuron.MaxRange);
        Assert.Equal(double.NegativeInfinity, neuron.MinRange);
        Assert.Equal(float.PositiveInfinity, neuron.Texts[0].MaxActivation);
    }

    [Fact]
    public void Parser_reads_lowercase_nan_and_inf_in_the_act_headers()
    {
        var page = PageEdits.ReplaceAfter(
            Write(OneText(["a", "b"], [1.0f, 0.5f])), "<h2>Text #0</h2>", "<h4>Max Act: <b>1.0000</b>. Min Act: <b>0.5000</b></h4>", "<h4>Max Act: <b>nan</b>. Min Act: <b>-inf</b></h4>");

        var t = Parse(page).Texts[0];

        Assert.True(float.IsNaN(t.MaxActivation));
        Assert.Equal(float.NegativeInfinity, t.MinActivation);
    }

    [Fact]
    public void Parser_reads_exponent_forms_and_negative_zero()
    {
        // The generator rounds to 6 decimals, so the exponent forms it never prints are edited in.
        var written = Write(OneText(["a", "b", "c", "d", "e", "f", "g"], [1e-06f, 5e-05f, 1e16f, -0.0f, 0.0f, 2.5e-07f, 123456.789012f]));
        var page = PageEdits.ReplaceValues(written, "1e-06, 5e-05, 1e+16, -0.0, 0.0, 2.5e-07, 123456.789012");
        Assert.Contains("[1e-06, 5e-05, 1e+16, -0.0, 0.0, 2.5e-07, 123456.789012]", page, StringComparison.Ordinal);

        var t = Parse(page).Texts[0];

        Assert.Equal([1e-06f, 5e-05f, 1e16f, -0.0f, 0.0f, 2.5e-07f, 123456.789012f], t.Values);
        Assert.True(float.IsNegative(t.Values[3]));
        Assert.False(float.IsNegative(t.Values[4]));
        Assert.Equal(2, t.MaxTokenIndex);
    }

    [Fact]
    public void Parser_reads_negative_zero_headers_of_a_neuron_that_never_fires()
    {
        var page = OneText(["a", "b", "c"], [-0.0f, -0.5f, -0.0429f]);
        var text = Write(page);
        Assert.Contains("<h4>Max Range: <b>-0.0000</b>. Min Range: <b>0.0000</b></h4>", text, StringComparison.Ordinal);
        Assert.Contains("\"minValue\": 0.0, \"maxValue\": -0.0}", text, StringComparison.Ordinal);

        var neuron = Parse(page);

        Assert.True(double.IsNegative(neuron.MaxRange) && neuron.MaxRange == 0);
        Assert.Equal(0.0, neuron.MinRange);
        Assert.True(float.IsNegative(neuron.Texts[0].MaxActivation));
        Assert.Equal(-0.5f, neuron.Texts[0].MinActivation);
    }

    [Fact]
    public void Parser_accepts_negative_top_activation_with_min_range_above_max_range()
    {
        var neuron = Parse(OneText(["a", "b", "c"], [-0.1f, -0.0429f, -0.2f]));

        Assert.Equal((double)-0.0429f, neuron.MaxRange);
        Assert.Equal((double)0.0429f, neuron.MinRange);
        Assert.True(neuron.MinRange > neuron.MaxRange);
        Assert.Equal(-0.0429f, neuron.Texts[0].MaxActivation);
        Assert.Equal(1, neuron.Texts[0].MaxTokenIndex);
    }

    [Fact]
    public void Parser_decodes_unicode_escapes_and_surrogate_pairs()
    {
        string[] tokens = ["\U0001F600", "caf\u00e9", "\u65e5\u672c", "\u007f", "\u0001", "\t", "\r\n", " ", "", "\ufffd", "back\\slash", "/"];
        var page = OneText(tokens, tokens.Select((_, i) => i / 10f).ToArray());
        Assert.Contains("\"\\ud83d\\ude00\", \"caf\\u00e9\", \"\\u65e5\\u672c\", \"\\u007f\", \"\\u0001\", \"\\t\", \"\\r\\n\"", Write(page), StringComparison.Ordinal);

        Assert.Equal(tokens, Parse(page).Texts[0].Tokens);
    }

    [Fact]
    public void Parser_decodes_a_lone_surrogate_escape_as_replacement_character()
    {
        var page = OneText(["\ud800", "x\udc00y", "\ud83dA", "ok"], [0.1f, 0.2f, 0.3f, 0.4f]);
        Assert.Contains("[\"\\ud800\", \"x\\udc00y\", \"\\ud83dA\", \"ok\"]", Write(page), StringComparison.Ordinal);

        Assert.Equal(["\ufffd", "x\ufffdy", "\ufffdA", "ok"], Parse(page).Texts[0].Tokens);
    }

    [Fact]
    public void Parser_reads_raw_non_ascii_utf8_inside_a_token()
    {
        var page = LiteralPageText.Replace("\"The\"", "\"Th\u00e9\"", StringComparison.Ordinal);

        var neuron = Parse(page);

        Assert.Equal("Th\u00e9", neuron.Texts[0].Tokens[1]);
    }

    [Fact]
    public void Parser_keeps_tokens_that_look_like_page_markup()
    {
        string[] tokens =
        [
            "</script>", "<hr>", "\n<hr>\n", "<!--", "{\"tokens\": ", "</details>", "</summary>", "\n</summary>\n",
            "<h2>Text #5</h2>", "    import { render, ColoredTokens } from \"x\";", "window.location.replace(\"x\")", "&amp;", "'", "<", ">",
        ];
        var page = OneText(tokens, tokens.Select((_, i) => i / 100f).ToArray());

        Assert.Equal(tokens, Parse(page).Texts[0].Tokens);
    }

    [Fact]
    public void Parser_reports_null_version_for_an_unversioned_import_and_takes_the_first_version()
    {
        var unversioned = Write(OneText(["a"], [1]), circuitsVisVersion: null);
        Assert.Contains("from \"https://unpkg.com/circuitsvis/dist/cdn/esm.js\"", unversioned, StringComparison.Ordinal);
        Assert.Null(Parse(unversioned).CircuitsVisVersion);

        // One page never mixes versions when written; texts 0 and 1 are edited to 1.39.0 and unversioned.
        var mixed = PageEdits.ReplaceInOrder(
            Write(Page(Text(["a"], [1]), Text(["b"], [1]), Text(["c"], [1])), "1.38.1"),
            "circuitsvis@1.38.1/",
            "circuitsvis@1.39.0/",
            "circuitsvis@1.39.0/",
            "circuitsvis/",
            "circuitsvis/");
        Assert.Equal(2, mixed.Split("circuitsvis@1.38.1/").Length - 1);
        Assert.Equal("1.39.0", Parse(mixed).CircuitsVisVersion);
    }

    [Fact]
    public void Parser_returns_a_page_with_zero_texts()
    {
        var page = Page();
        Assert.EndsWith("</h3>\n<hr>\n\n<hr>\n", Write(page), StringComparison.Ordinal);

        var neuron = Parse(page);

        Assert.Empty(neuron.Texts);
        Assert.True(double.IsNaN(neuron.MaxRange));
        Assert.Null(neuron.CircuitsVisVersion);
    }

    [Fact]
    public void Parser_reads_25_long_texts_and_checks_the_window_wherever_the_max_token_is()
    {
        int[] argmaxes = [0, 5, 50, 51, 500, 1013, 1014, 1023];
        var texts = Synthetic(texts: 25, tokens: 1024).Input.Texts.ToArray();
        for (var i = 0; i < argmaxes.Length; i++)
        {
            var values = (float[])texts[i].Activations.Clone();
            values[argmaxes[i]] = 1000f;
            texts[i] = texts[i] with { Activations = values };
        }

        var input = Page(texts);
        var page = Write(input);
        var want = ExpectedNeuron.From(input, NeuroscopePageWriter.DefaultCircuitsVisVersion, Fixtures.Provenance);

        var neuron = Parse(page);

        Assert.Equal(25, neuron.Texts.Count);
        for (var i = 0; i < 25; i++)
        {
            var (expected, actual) = (want.Texts[i], neuron.Texts[i]);
            Assert.Equal(i, actual.Index);
            Assert.Equal(i < argmaxes.Length ? argmaxes[i] : expected.MaxTokenIndex, actual.MaxTokenIndex);
            Assert.Equal(expected.MaxTokenIndex, actual.MaxTokenIndex);
            Assert.Equal(expected.DataIndex, actual.DataIndex);
            Assert.True(expected.Tokens.AsSpan().SequenceEqual(actual.Tokens), $"tokens of text {i}");
            Assert.True(expected.Values.AsSpan().SequenceEqual(actual.Values), $"values of text {i}");
        }

        Assert.Empty(NeuronComparison.Differences(want, neuron));

        Assert.Equal(new TokenWindow(0, 11), neuron.Texts[0].Truncated);
        Assert.Equal(new TokenWindow(1, 62), neuron.Texts[3].Truncated);
        Assert.Equal(new TokenWindow(973, 1024), neuron.Texts[7].Truncated);
    }

    [Fact]
    public void Parser_reads_data_index_minus_one_and_per_text_dataset_labels()
    {
        var page = new NeuronPage(
            SampleMirrorServer.Catalog["solu-2l"],
            0,
            0,
            [Text(["a"], [1], dataIndex: -1, dataset: "C4 (Web Text)"), Text(["b"], [1], dataIndex: 12345678901, dataset: "Python Code")]);
        var text = Write(page);
        Assert.DoesNotContain("Prev", text, StringComparison.Ordinal);
        Assert.Contains("<h1>Dataset: 80% C4 (Web Text) and 20% Python Code</h1>", text, StringComparison.Ordinal);

        var neuron = NeuronPageParser.Parse(Encoding.ASCII.GetBytes(text), page.Id, Fixtures.Provenance);

        Assert.Equal(-1L, neuron.Texts[0].DataIndex);
        Assert.Equal("C4 (Web Text)", neuron.Texts[0].Dataset);
        Assert.Equal(12345678901L, neuron.Texts[1].DataIndex);
        Assert.Equal("Python Code", neuron.Texts[1].Dataset);
    }

    [Fact]
    public void Parser_tolerates_a_trailing_newline_after_the_last_text()
    {
        var neuron = NeuronPageParser.Parse([.. LiteralPage, (byte)'\n'], LiteralId, Fixtures.Provenance);
        Assert.Equal(2, neuron.Texts.Count);
    }
}
