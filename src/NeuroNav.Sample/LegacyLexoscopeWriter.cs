using System.Globalization;
using System.Text;
using NeuroNav.Sample.Formats;

namespace NeuroNav.Sample;

/// <summary>
/// Writes a page in the pre-v4 "lexoscope" layout (docs/sources/neuroscope.md#legacy-lexoscope-pages): sections joined by <c>&lt;hr&gt;</c> without
/// newlines, an inline style block, one coloured span per token, <c>&lt;h3&gt;Text #i&lt;/h3&gt;</c>, min range 0, no Data Index.
/// A Neuroscope parser must reject it rather than misread it.
/// </summary>
public static class LegacyLexoscopeWriter
{
    private const string Style =
        "<style>\n    span.token {\n        border: 1px solid rgb(180, 180, 180);\n        white-space: pre;\n"
        + "        color: rgb(0, 0, 0);\n        }\n    div.token-text {\n        word-wrap: normal;\n        }\n    </style>";

    public static string Write(NeuronPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var maxVal = (double)PageStatistics.PageMax(page.Texts);
        var header = new StringBuilder(Style)
            .Append(CultureInfo.InvariantCulture, $"<h1>Model: {ModelNames.Fancy(page.Model)}</h1>")
            .Append(CultureInfo.InvariantCulture, $"<h2>Neuron {page.Neuron} in Layer {page.Layer}</h2>");
        var texts = new List<string>();
        for (var i = 0; i < page.Texts.Count; i++)
        {
            var t = page.Texts[i];
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"<h3>Text #{i}</h3>")
                .Append(CultureInfo.InvariantCulture, $"<h4>Max Range: <b>{PythonFloat.Fixed4(maxVal)}</b>. Min Range: <b>0.0000</b></h4>")
                .Append("<div class='token-text'>");
            for (var j = 0; j < t.Length; j++)
            {
                var shade = maxVal > 0 ? Math.Clamp(Math.Round(250 * (1 - (t.Activations[j] / maxVal))), 0, 250) : 250;
                text.Append(CultureInfo.InvariantCulture, $"<span class='token' style='background-color:rgb(250, {shade}, {shade})' >")
                    .Append(t.Tokens[j]).Append("</span>");
            }

            texts.Add(text.Append("</div>").ToString());
        }

        return header + "<hr>" + string.Join("<br><br>", texts);
    }
}
