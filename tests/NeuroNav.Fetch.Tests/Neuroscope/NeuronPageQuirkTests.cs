using NeuroNav.Core;
using NeuroNav.Fetch.Neuroscope;

namespace NeuroNav.Fetch.Tests.Neuroscope;

/// <summary>SOURCE-FORMATS §4 items 1–12: quirks a valid page may have, each of which must parse.</summary>
public sealed class NeuronPageQuirkTests
{
    private static NeuroscopeNeuron Parse(NeuroscopePageBuilder page) =>
        NeuronPageParser.Parse(page.BuildBytes(), page.Id, Fixtures.Provenance);

    private static NeuroscopePageBuilder OneText(string[] tokens, double[] values, int? argmax = null) =>
        new() { Texts = [new PageText { Tokens = tokens, Values = values, MaxTokenIndex = argmax }] };

    [Fact]
    public void Parser_reads_bare_NaN_and_Infinity_in_values_and_range()
    {
        var page = OneText(["a", "b", "c", "d", "e"], [0.1, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 2.0]);
        var text = page.Build();
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
        var neuron = Parse(OneText(["a", "b"], [double.PositiveInfinity, 0.5]));

        Assert.Equal(double.PositiveInfinity, neuron.MaxRange);
        Assert.Equal(double.NegativeInfinity, neuron.MinRange);
        Assert.Equal(float.PositiveInfinity, neuron.Texts[0].MaxActivation);
    }

    [Fact]
    public void Parser_reads_lowercase_nan_and_inf_in_the_act_headers()
    {
        var page = new NeuroscopePageBuilder
        {
            Texts = [new PageText { Tokens = ["a", "b"], Values = [1.0, 0.5], MaxActText = "nan", MinActText = "-inf" }],
        };

        var t = Parse(page).Texts[0];

        Assert.True(float.IsNaN(t.MaxActivation));
        Assert.Equal(float.NegativeInfinity, t.MinActivation);
    }

    [Fact]
    public void Parser_reads_exponent_forms_and_negative_zero()
    {
        var page = OneText(["a", "b", "c", "d", "e", "f", "g"], [1e-06, 5e-05, 1e+16, -0.0, 0.0, 2.5e-07, 123456.789012]);
        Assert.Contains("[1e-06, 5e-05, 1e+16, -0.0, 0.0, 2.5e-07, 123456.789012]", page.Build(), StringComparison.Ordinal);

        var t = Parse(page).Texts[0];

        Assert.Equal([1e-06f, 5e-05f, 1e16f, -0.0f, 0.0f, 2.5e-07f, 123456.789012f], t.Values);
        Assert.True(float.IsNegative(t.Values[3]));
        Assert.False(float.IsNegative(t.Values[4]));
        Assert.Equal(2, t.MaxTokenIndex);
    }

    [Fact]
    public void Parser_reads_negative_zero_headers_of_a_neuron_that_never_fires()
    {
        var page = OneText(["a", "b", "c"], [-0.0, -0.5, -0.0429]);
        var text = page.Build();
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
        var neuron = Parse(OneText(["a", "b", "c"], [-0.1, -0.0429, -0.2]));

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
        var page = OneText(tokens, tokens.Select((_, i) => i / 10.0).ToArray());
        Assert.Contains("\"\\ud83d\\ude00\", \"caf\\u00e9\", \"\\u65e5\\u672c\", \"\\u007f\", \"\\u0001\", \"\\t\", \"\\r\\n\"", page.Build(), StringComparison.Ordinal);

        Assert.Equal(tokens, Parse(page).Texts[0].Tokens);
    }

    [Fact]
    public void Parser_decodes_a_lone_surrogate_escape_as_replacement_character()
    {
        var page = OneText(["\ud800", "x\udc00y", "\ud83dA", "ok"], [0.1, 0.2, 0.3, 0.4]);
        Assert.Contains("[\"\\ud800\", \"x\\udc00y\", \"\\ud83dA\", \"ok\"]", page.Build(), StringComparison.Ordinal);

        Assert.Equal(["\ufffd", "x\ufffdy", "\ufffdA", "ok"], Parse(page).Texts[0].Tokens);
    }

    [Fact]
    public void Parser_reads_raw_non_ascii_utf8_inside_a_token()
    {
        var page = Fixtures.LiteralPageText.Replace("\"The\"", "\"Th\u00e9\"", StringComparison.Ordinal);

        var neuron = NeuronPageParser.Parse(System.Text.Encoding.UTF8.GetBytes(page), Fixtures.LiteralId, Fixtures.Provenance);

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
        var page = OneText(tokens, tokens.Select((_, i) => i / 100.0).ToArray());

        Assert.Equal(tokens, Parse(page).Texts[0].Tokens);
    }

    [Fact]
    public void Parser_reports_null_version_for_an_unversioned_import_and_takes_the_first_version()
    {
        var unversioned = new NeuroscopePageBuilder { Texts = [new PageText { Tokens = ["a"], Values = [1], Unversioned = true }] };
        Assert.Contains("from \"https://unpkg.com/circuitsvis/dist/cdn/esm.js\"", unversioned.Build(), StringComparison.Ordinal);
        Assert.Null(Parse(unversioned).CircuitsVisVersion);

        var mixed = new NeuroscopePageBuilder
        {
            Texts =
            [
                new PageText { Tokens = ["a"], Values = [1], Version = "1.39.0" },
                new PageText { Tokens = ["b"], Values = [1], Unversioned = true },
                new PageText { Tokens = ["c"], Values = [1], Version = "1.38.1" },
            ],
        };
        Assert.Equal("1.39.0", Parse(mixed).CircuitsVisVersion);
    }

    [Fact]
    public void Parser_returns_a_page_with_zero_texts()
    {
        var page = new NeuroscopePageBuilder();
        Assert.EndsWith("</h3>\n<hr>\n\n<hr>\n", page.Build(), StringComparison.Ordinal);

        var neuron = Parse(page);

        Assert.Empty(neuron.Texts);
        Assert.True(double.IsNaN(neuron.MaxRange));
        Assert.Null(neuron.CircuitsVisVersion);
    }

    [Fact]
    public void Parser_reads_25_long_texts_and_checks_the_window_wherever_the_max_token_is()
    {
        int[] argmaxes = [0, 5, 50, 51, 500, 1013, 1014, 1023];
        var page = Fixtures.Synthetic(texts: 25, tokens: 1024);
        for (var i = 0; i < argmaxes.Length; i++)
        {
            page.Texts[i] = new PageText { Tokens = page.Texts[i].Tokens, Values = page.Texts[i].Values, MaxTokenIndex = argmaxes[i] };
        }

        var neuron = Parse(page);

        Assert.Equal(25, neuron.Texts.Count);
        for (var i = 0; i < 25; i++)
        {
            var (expected, actual) = (page.Texts[i], neuron.Texts[i]);
            Assert.Equal(i, actual.Index);
            Assert.Equal(expected.ArgMax, actual.MaxTokenIndex);
            Assert.Equal(expected.DataIndex, actual.DataIndex);
            Assert.True(expected.Tokens.AsSpan().SequenceEqual(actual.Tokens), $"tokens of text {i}");
            Assert.True(expected.Values.Select(v => (float)v).SequenceEqual(actual.Values), $"values of text {i}");
        }

        Assert.Equal(new TokenWindow(0, 11), neuron.Texts[0].Truncated);
        Assert.Equal(new TokenWindow(1, 62), neuron.Texts[3].Truncated);
        Assert.Equal(new TokenWindow(973, 1024), neuron.Texts[7].Truncated);
    }

    [Fact]
    public void Parser_reads_data_index_minus_one_and_per_text_dataset_labels()
    {
        var page = new NeuroscopePageBuilder
        {
            Model = "solu-2l",
            Layer = 0,
            Neuron = 0,
            NeuronsPerLayer = 2048,
            FancyDataset = "80% C4 (Web Text) and 20% Python Code",
            Texts =
            [
                new PageText { Tokens = ["a"], Values = [1], DataIndex = -1, Dataset = "C4 (Web Text)" },
                new PageText { Tokens = ["b"], Values = [1], DataIndex = 12345678901, Dataset = "Python Code" },
            ],
        };
        Assert.DoesNotContain("Prev", page.Build(), StringComparison.Ordinal);

        var neuron = Parse(page);

        Assert.Equal(-1L, neuron.Texts[0].DataIndex);
        Assert.Equal("C4 (Web Text)", neuron.Texts[0].Dataset);
        Assert.Equal(12345678901L, neuron.Texts[1].DataIndex);
        Assert.Equal("Python Code", neuron.Texts[1].Dataset);
    }

    [Fact]
    public void Parser_tolerates_a_trailing_newline_after_the_last_text()
    {
        var neuron = NeuronPageParser.Parse([.. Fixtures.LiteralPage, (byte)'\n'], Fixtures.LiteralId, Fixtures.Provenance);
        Assert.Equal(2, neuron.Texts.Count);
    }
}
