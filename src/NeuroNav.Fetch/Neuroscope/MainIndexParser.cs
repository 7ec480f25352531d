using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NeuroNav.Core;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>One row of neuroscope.io's "Supported models" table (docs/sources/neuroscope.md#main-index-page).</summary>
public sealed record IndexRow(
    string Model,
    string ActivationFunction,
    string Dataset,
    int Layers,
    int NeuronsPerLayer,
    long TotalNeurons,
    long Parameters);

/// <summary>Parses neuroscope.io's main index page, both the comma and the bare-number variant.</summary>
public static class MainIndexParser
{
    private static readonly string[] Columns = ["Model", "Act Fn", "Dataset", "Layers", "Neurons per Layer", "Total Neurons", "Params"];

    /// <summary>The live Act Fn column is <c>cfg.act_fn[:4]</c>.</summary>
    private const int ActFnLength = 4;

    /// <summary>Throws <see cref="FormatException"/> naming <paramref name="url"/> when no models table is found.</summary>
    public static IReadOnlyList<IndexRow> Parse(string html, string url)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var table in document.QuerySelectorAll("table"))
        {
            var header = table.QuerySelectorAll("tr").FirstOrDefault(r => r.Children.Any(c => c.LocalName == "th"));
            if (header is null)
            {
                continue;
            }

            var names = header.Children.Select(c => c.TextContent.Trim()).ToList();
            var index = Columns.Select(c => names.IndexOf(c)).ToArray();
            if (index.Any(i => i < 0))
            {
                continue;
            }

            return [.. table.QuerySelectorAll("tr").Where(r => r != header).Select((r, i) => ReadRow(r, i, index, url))];
        }

        throw new FormatException($"{url}: no table with the columns {string.Join(", ", Columns)}");
    }

    private static IndexRow ReadRow(IElement row, int position, int[] index, string url)
    {
        var cells = row.Children.Where(c => c.LocalName is "td" or "th").Select(c => c.TextContent.Trim()).ToArray();
        if (cells.Length <= index.Max())
        {
            throw new FormatException($"{url}: models table row {position + 1} has {cells.Length} cells, expected at least {index.Max() + 1}");
        }

        var model = cells[index[0]];
        return new IndexRow(
            model,
            cells[index[1]],
            cells[index[2]],
            (int)Number(3),
            (int)Number(4),
            Number(5),
            Number(6));

        long Number(int column)
        {
            var text = cells[index[column]].Replace(",", "", StringComparison.Ordinal);
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && (column >= 5 || v <= int.MaxValue)
                ? v
                : throw new FormatException($"{url}: model '{model}': {Columns[column]} '{cells[index[column]]}' is not a number");
        }
    }

    /// <summary>Every disagreement between the live table and the catalog, one readable line each; empty when they agree.</summary>
    public static IReadOnlyList<string> Compare(ModelCatalog catalog, IReadOnlyList<IndexRow> live)
    {
        var lines = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in live)
        {
            if (!seen.Add(row.Model))
            {
                lines.Add($"{row.Model}: listed more than once on neuroscope.io");
                continue;
            }

            if (!catalog.TryGet(row.Model, out var known))
            {
                lines.Add($"{row.Model}: live on neuroscope.io but not in the catalog");
                continue;
            }

            var actFn = known.ActivationFunction.Length > ActFnLength ? known.ActivationFunction[..ActFnLength] : known.ActivationFunction;
            Field("activation function", actFn, row.ActivationFunction);
            Field("dataset", known.Dataset, row.Dataset);
            Field("layers", known.Layers, row.Layers);
            Field("neurons per layer", known.NeuronsPerLayer, row.NeuronsPerLayer);
            Field("total neurons", known.TotalNeurons, row.TotalNeurons);
            Field("parameters", known.Parameters, row.Parameters);

            void Field<T>(string name, T inCatalog, T onSite)
            {
                if (!EqualityComparer<T>.Default.Equals(inCatalog, onSite))
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{row.Model}: {name} differs: catalog '{inCatalog}', neuroscope.io '{onSite}'"));
                }
            }
        }

        lines.AddRange(catalog.Models.Where(m => !seen.Contains(m.Id)).Select(m => $"{m.Id}: in the catalog but missing from neuroscope.io"));
        return lines;
    }
}
