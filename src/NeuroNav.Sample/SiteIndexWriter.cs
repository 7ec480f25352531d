using System.Globalization;
using System.Text;
using NeuroNav.Core;

namespace NeuroNav.Sample;

/// <summary>Which generator wrote the main index (docs/sources/neuroscope.md#two-generators-of-the-main-index).</summary>
public enum MainIndexVariant
{
    /// <summary>Neuroscope's generator: thousands separators, "See the documentation" div, leading and trailing newline.</summary>
    Current,

    /// <summary>The older solu_project generator: bare numbers, no documentation div, lines joined without outer newlines.</summary>
    Legacy,
}

/// <summary>Writes neuroscope.io's index pages and JS redirect pages byte for byte (docs/sources/neuroscope.md#main-index-page, docs/sources/neuroscope.md#model-index-page, docs/sources/neuroscope.md#redirect-pages).</summary>
public static class SiteIndexWriter
{
    /// <summary>The main index <c>index.html</c>: one row per model, in the order given.</summary>
    public static string MainIndex(IEnumerable<ModelInfo> models, MainIndexVariant variant = MainIndexVariant.Current)
    {
        ArgumentNullException.ThrowIfNull(models);
        var commas = variant == MainIndexVariant.Current;
        var table = new StringBuilder()
            .Append("<table border=\"1\" class=\"dataframe\">\n  <thead>\n    <tr style=\"text-align: right;\">\n")
            .Append("      <th>Model</th>\n      <th>Random</th>\n      <th>Act Fn</th>\n      <th>Dataset</th>\n")
            .Append("      <th>Layers</th>\n      <th>Neurons per Layer</th>\n      <th>Total Neurons</th>\n      <th>Params</th>\n")
            .Append("    </tr>\n  </thead>\n  <tbody>\n");
        foreach (var m in models)
        {
            Row(
                table,
                $"<a href='./{m.Id}/index.html'>{m.Id}</a>",
                $"<a href='./{m.Id}/random.html'>Random</a>",
                m.ActivationFunction.Length > 4 ? m.ActivationFunction[..4] : m.ActivationFunction,
                ModelNames.FancyDataset(m.Id),
                Number(m.Layers, false),
                Number(m.NeuronsPerLayer, commas),
                Number(m.TotalNeurons, commas),
                Number(m.Parameters, commas));
        }

        table.Append("  </tbody>\n</table>");
        const string Title = "<h1>Neuroscope: A Website for Mechanistic Interpretability of Language Models</h1>\n"
            + "<div>Each model has a page per neuron, displaying the top 20 maximum activating dataset examples.</div>\n";
        return variant == MainIndexVariant.Current
            ? "\n" + Title + "<div>See <a href=\"https://neelnanda.io/neuroscope-docs\">the documentation</a> for more.</div>\n"
                + "<h2>Supported models</h2>\n" + table + "\n"
            : Title + "<h2>Supported models</h2>\n" + table;
    }

    /// <summary>The model index <c>{model}/index.html</c>: every layer listed, generated or not.</summary>
    public static string ModelIndex(ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var last = model.NeuronsPerLayer - 1;
        var table = new StringBuilder("<table border=\"1\" class=\"dataframe\">\n  <tbody>\n");
        for (var l = 0; l < model.Layers; l++)
        {
            Row(
                table,
                Invariant($"<b>Layer #{l}</b>"),
                Invariant($"<a href='./{l}/0.html'>First</a>"),
                Invariant($"<a href='./{l}/random.html'>Random</a>"),
                Invariant($"<a href='./{l}/{last}.html'>Last</a>"));
        }

        table.Append("  </tbody>\n</table>");
        return Invariant($"""

            <div style='font-size:medium;'>
            < <a href='./0/0.html'>First Neuron</a> | 
            <a href='../index.html'>Home</a> | 
            <a href='random.html'>Random</a> | 
            <a href='./{model.Layers - 1}/{last}.html'>Final Neuron</a> >
            </div>
            <h1>Model Index Page: {ModelNames.Fancy(model)}</h1>
            <h1>Dataset: {ModelNames.FancyDataset(model.Id)}</h1>
            <h2>Hooked Transformer Loading: <span style='font-family: "Courier New"'>{model.Id}</span></h2>
            <h2>Layers:</h2>
            {table}

            """);
    }

    /// <summary><c>{model}/model.html</c>: redirects to <c>index.html</c>.</summary>
    public static string RedirectToIndex() => Redirect("index.html");

    /// <summary><c>{model}/{layer}/index.html</c>: redirects to <c>../index.html</c>.</summary>
    public static string RedirectToIndexOneUp() => Redirect("../index.html");

    /// <summary>
    /// <c>random.html</c> of a layer, and (through the generator's bug, docs/sources/neuroscope.md#redirect-pages) of a model too: redirects to
    /// <c>{rand(neurons)}.html</c> beside it.
    /// </summary>
    public static string RandomRedirect(int neurons) => Invariant($"""

        <!DOCTYPE html>
        <html>

        <head>
            <script>
                window.location.replace(Math.floor(Math.random() * {neurons}) + ".html");
            </script>
        </head>

        </html>
        
        """) + "    ";

    private static string Redirect(string target) => $"""

        <!DOCTYPE html>
        <html>
        <head>
            <script>
                window.location.replace("{target}");
            </script>
        </head>
        </html>

        """;

    private static void Row(StringBuilder table, params string[] cells)
    {
        table.Append("    <tr>\n");
        foreach (var cell in cells)
        {
            table.Append("      <td>").Append(cell).Append("</td>\n");
        }

        table.Append("    </tr>\n");
    }

    private static string Number(long value, bool commas) =>
        value.ToString(commas ? "#,0" : "0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
