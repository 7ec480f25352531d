using System.Buffers;
using System.Text;
using AngleSharp.Html.Parser;
using NeuroNav.Build.Html;
using NeuroNav.Core;
using static NeuroNav.Build.Tests.Html.HtmlFixtures;

namespace NeuroNav.Build.Tests.Html;

public sealed class HeatmapTests
{
    private static (string Html, AngleSharp.Dom.IElement[] Spans) Render(NeuroscopeText text, ColorScale scale, TokenWindow? window = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        HeatmapWriter.Write(buffer, text, window ?? new TokenWindow(0, text.Tokens.Length), scale);
        var html = Encoding.UTF8.GetString(buffer.WrittenSpan);
        var doc = new HtmlParser().ParseDocument($"<div class=\"hm\">{html}</div>");
        return (html, doc.QuerySelectorAll("div.hm > span").ToArray());
    }

    [Fact]
    public void Buckets_are_signed_shares_of_max_range_with_hover_values()
    {
        var (_, spans) = Render(ExampleText(), new ColorScale(2.875200033187866));

        Assert.Equal(["", "", "p10 mx", "n1", "", "p4"], spans.Select(s => s.GetAttribute("class") ?? ""));
        Assert.Equal(["-0.0123", "0.0456", "2.8752", "-0.1699", "0.0005", "1.25"], spans.Select(s => s.GetAttribute("title")));
        Assert.Equal(["<|endoftext|>", "The", " cat", " sat", " on", " the"], spans.Select(s => s.TextContent));
    }

    [Fact]
    public void NaN_is_neutral_with_NaN_title_and_infinities_saturate()
    {
        var text = Text(0, ["a", "b", "c", "d"], [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -1.5f], 3);

        var (_, spans) = Render(text, new ColorScale(1.5));

        Assert.Equal(["", "p10", "n10", "n10 mx"], spans.Select(s => s.GetAttribute("class") ?? ""));
        Assert.Equal(["NaN", "Infinity", "-Infinity", "-1.5"], spans.Select(s => s.GetAttribute("title")));
    }

    [Fact]
    public void Scale_falls_back_to_max_abs_value_when_max_range_is_not_positive()
    {
        var text = Text(0, ["<|endoftext|>", "x", "y"], [-0.0429f, 0.02f, float.NaN], 1);

        Assert.Equal(0.0429f, (float)ColorScale.For(Neuron(-0.0429, text)).Max);
        Assert.Equal(0.0429f, (float)ColorScale.For(Neuron(double.NaN, text)).Max);
        Assert.Equal(1d, ColorScale.For(Neuron(0, Text(0, ["a"], [float.NaN], 0))).Max);
        Assert.Equal(-1d, ColorScale.For(Neuron(0, Text(0, ["a"], [float.NaN], 0))).Min);
        var (_, spans) = Render(text, ColorScale.For(Neuron(-0.0429, text)));
        Assert.Equal(["n10", "p5 mx", ""], spans.Select(s => s.GetAttribute("class") ?? ""));
    }

    [Fact]
    public void Each_side_is_scaled_to_its_own_extreme()
    {
        // A GELU neuron: fires up to 6.18, dips to -0.125 at most. A symmetric ±6.18 scale would leave every dip white.
        var text = Text(0, ["<|endoftext|>", "a", "b", "c", "d"], [-0.125f, -0.0625f, 6.18f, -0.01f, 0.6f], 2);
        var scale = ColorScale.For(Neuron(6.18, text));

        var (_, spans) = Render(text, scale);

        Assert.Equal((6.18, -0.125f), (scale.Max, (float)scale.Min));
        Assert.Equal(["n10", "n5", "p10 mx", "n1", "p1"], spans.Select(s => s.GetAttribute("class") ?? ""));
    }

    [Fact]
    public void Legend_runs_from_the_minimum_to_the_maximum()
    {
        var legend = new HtmlParser().ParseDocument(NeuronViews.Legend(new ColorScale(6.18, -0.125)));

        Assert.Equal(["-0.125", "6.18"], legend.QuerySelectorAll(".end").Select(e => e.TextContent));
        var swatches = legend.QuerySelectorAll(".sw").ToArray();
        Assert.Equal(21, swatches.Length);
        Assert.Equal("≈ -0.125", swatches[0].GetAttribute("title"));
        Assert.Equal("≈ 6.18", swatches[^1].GetAttribute("title"));
        Assert.Equal("≈ -0.0625", swatches[5].GetAttribute("title"));
    }

    [Fact]
    public void Token_text_is_escaped_and_cannot_open_elements()
    {
        var text = Text(0, [Xss, Quotes, "a&b"], [1f, -1f, 0f], 0);

        var (html, spans) = Render(text, new ColorScale(1));

        Assert.Contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Equal([Xss, Quotes, "a&b"], spans.Select(s => s.TextContent));
        Assert.Equal(["1", "-1", "0"], spans.Select(s => s.GetAttribute("title")));
        Assert.All(spans, s => Assert.Empty(s.Children));
    }

    [Fact]
    public void Whitespace_and_control_tokens_are_made_visible()
    {
        var text = Text(0, ["\"\n", "\t", "\u0001", "\u007f", "  ", "\ud83d", "😀"], [0, 0, 0, 0, 0, 0, 0], 0);

        var (html, spans) = Render(text, new ColorScale(1));

        Assert.Equal(["\"↵\n", "⇥", "␁", "␡", "  ", "\ufffd", "😀"], spans.Select(s => s.TextContent));
        Assert.Contains(">\"↵\n</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_window_is_written()
    {
        var tokens = Enumerable.Range(0, 100).Select(i => $" t{i}").ToArray();
        var values = Enumerable.Range(0, 100).Select(i => i / 100f).ToArray();
        var text = Text(0, tokens, values, 70);

        var (_, spans) = Render(text, new ColorScale(1), text.Truncated);

        Assert.Equal(61, spans.Length);
        Assert.Equal(" t20", spans[0].TextContent);
        Assert.Equal(" t80", spans[^1].TextContent);
        Assert.Equal(" t70", Assert.Single(spans, s => s.ClassList.Contains("mx")).TextContent);
    }
}
