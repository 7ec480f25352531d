using NeuroNav.Core;
using NeuroNav.Sample.Formats;

namespace NeuroNav.Sample;

/// <summary>
/// Writes the exact bytes of a neuroscope.io neuron page (docs/sources/neuroscope.md#neuron-page) the way Neuroscope's generator does:
/// header, empty logits section, then per text four h4 lines and two ColoredTokens renders (truncated, full).
/// </summary>
public static class NeuroscopePageWriter
{
    /// <summary>The CircuitsVis version the sample pages import (the live version is unknown; docs/sources/neuroscope.md#circuitsvis-import-url).</summary>
    public const string DefaultCircuitsVisVersion = "1.38.1";

    private const string Separator = "\n<hr>\n";

    public static byte[] Write(NeuronPage page, string? circuitsVisVersion, IRenderIds ids)
    {
        var buffer = new AsciiBuffer(EstimateSize(page));
        Write(buffer, page, circuitsVisVersion, ids);
        return buffer.ToArray();
    }

    /// <summary>Appends the page to <paramref name="output"/>; no trailing newline, pure ASCII.</summary>
    public static void Write(AsciiBuffer output, NeuronPage page, string? circuitsVisVersion, IRenderIds ids)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(ids);
        WriteHeader(output, page);
        output.Append(Separator).Append(Separator);

        var maxVal = (double)PageStatistics.PageMax(page.Texts);
        var minVal = -maxVal;
        var importUrl = circuitsVisVersion is null
            ? "https://unpkg.com/circuitsvis/dist/cdn/esm.js"
            : $"https://unpkg.com/circuitsvis@{circuitsVisVersion}/dist/cdn/esm.js";

        for (var i = 0; i < page.Texts.Count; i++)
        {
            if (i > 0)
            {
                output.Append(Separator);
            }

            var text = page.Texts[i];
            if (text.Tokens.Length != text.Activations.Length || text.Tokens.Length == 0)
            {
                throw new ArgumentException(
                    $"{page.Id}: text #{i} has {text.Tokens.Length} tokens and {text.Activations.Length} activations", nameof(page));
            }

            var argmax = PageStatistics.ArgMax(text.Activations);
            var window = TokenWindow.Around(argmax, text.Length);
            output.Append("<h2>Text #").Append(i).Append("</h2>")
                .Append("<h4>Max Range: <b>").Append(PythonFloat.Fixed4(maxVal))
                .Append("</b>. Min Range: <b>").Append(PythonFloat.Fixed4(minVal)).Append("</b></h4>\n")
                .Append("<h4>Max Act: <b>").Append(PythonFloat.Fixed4(PageStatistics.Max(text.Activations)))
                .Append("</b>. Min Act: <b>").Append(PythonFloat.Fixed4(PageStatistics.Min(text.Activations))).Append("</b></h4>\n")
                .Append("<h4>Data Index: <b>").Append(text.DataIndex).Append("</b> (").Append(text.Dataset).Append(")</h4>\n")
                .Append("<h4>Max Activating Token Index: <b>").Append(argmax).Append("</b></h4>\n")
                .Append("<details><summary><b style='color: red'>Click toggle to see full text</b>\n")
                .Append("<h3>Truncated</h3>\n");
            WriteColoredTokens(output, ids.Next(), importUrl, text, window, minVal, maxVal);
            output.Append("\n</summary>\n<h3>Full Text #").Append(i).Append("</h3>\n");
            WriteColoredTokens(output, ids.Next(), importUrl, text, new TokenWindow(0, text.Length), minVal, maxVal);
            output.Append("\n</details>");
        }
    }

    private static void WriteHeader(AsciiBuffer output, NeuronPage page)
    {
        var n = page.Neuron;
        output.Append("<div style='font-size:medium;'>\n");
        if (n > 0)
        {
            output.Append("< <a href='./").Append(n - 1).Append(".html'>Prev</a> | \n");
        }

        output.Append("<a href='../../index.html'>Home</a> | \n")
            .Append("<a href='../model.html'>Model</a> | \n")
            .Append("<a href='javascript:void(0)' onclick=\"location.href='./' + Math.floor(Math.random() * ")
            .Append(page.Model.NeuronsPerLayer).Append(") + '.html'\">Random</a> | \n")
            .Append("<a href='./").Append(n + 1).Append(".html'>Next</a> >\n")
            .Append("</div>\n")
            .Append("<h1>Model: ").Append(ModelNames.Fancy(page.Model)).Append("</h1>\n")
            .Append("<h1>Dataset: ").Append(ModelNames.FancyDataset(page.Model.Id)).Append("</h1>\n")
            .Append("<h2>Neuron ").Append(n).Append(" in Layer ").Append(page.Layer).Append(" </h2>\n")
            .Append("<h2>Load this data into an <a href='https://neelnanda.io/interactive-neuroscope'>Interactive Neuroscope</a></h2>\n")
            .Append("<h3><a href='https://neelnanda.io/neuroscope-docs'>See Documentation here</a></h3>\n")
            .Append("<h3>Transformer Lens Loading: <span style='font-family: \"Courier New\"'>HookedTransformer.from_pretrained('")
            .Append(page.Model.Id).Append("')</span></h3>");
    }

    /// <summary>CircuitsVis render_cdn: a self-"closed" div and a module script whose props are json.dumps on one line.</summary>
    private static void WriteColoredTokens(
        AsciiBuffer output, string id, string importUrl, PageText text, TokenWindow window, double minValue, double maxValue)
    {
        output.Append("<div id=\"").Append(id).Append("\" style=\"margin: 15px 0;\"/>\n")
            .Append("    <script crossorigin type=\"module\">\n")
            .Append("    import { render, ColoredTokens } from \"").Append(importUrl).Append("\";\n")
            .Append("    render(\n")
            .Append("      \"").Append(id).Append("\",\n")
            .Append("      ColoredTokens,\n")
            .Append("      {\"tokens\": [");
        for (var i = window.Start; i < window.End; i++)
        {
            if (i > window.Start)
            {
                output.Append(", ");
            }

            output.AppendJsonString(text.Tokens[i]);
        }

        output.Append("], \"values\": [");
        for (var i = window.Start; i < window.End; i++)
        {
            if (i > window.Start)
            {
                output.Append(", ");
            }

            output.AppendReprRounded(text.Activations[i], 6);
        }

        output.Append("], \"minValue\": ").AppendRepr(minValue)
            .Append(", \"maxValue\": ").AppendRepr(maxValue)
            .Append("}\n    )\n    </script>");
    }

    private static int EstimateSize(NeuronPage page)
    {
        var tokens = 0;
        foreach (var t in page.Texts)
        {
            tokens += t.Length + Math.Min(t.Length, TokenWindow.Before + TokenWindow.After + 1);
        }

        return 2048 + (page.Texts.Count * 1600) + (tokens * 24);
    }
}
