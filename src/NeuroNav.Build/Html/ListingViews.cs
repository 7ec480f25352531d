using System.Globalization;
using System.Text;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;
using NeuroNav.Build.Stats;
using NeuroNav.Core;

namespace NeuroNav.Build.Html;

/// <summary>Turns the index, model and layer page models into what their templates print.</summary>
internal static class ListingViews
{
    /// <summary>
    /// How many rows of the default ranking the layer page renders on the server: enough to read at once without
    /// JavaScript, few enough for a fast first paint; layer.js then fills the table from the layer's JSON.
    /// </summary>
    public const int LayerRows = 100;

    /// <summary>
    /// The home page: models with data first (catalog order), then the rest. The explanation search offers the models
    /// with data that a searchable source covers, those whose explanations are fetched first.
    /// </summary>
    public static IndexView Index(IndexPageModel page)
    {
        var rows = page.Models.Select(m => new ModelRowView(
            Facts(m.Model),
            Coverage(m.Model, m.Coverage),
            m.LayersWithData.Count > 0 ? $"{m.Model.Id}/index.html" : null,
            Ranges(m.LayersWithData))).ToList();
        return new IndexView(
            [.. rows.Where(r => r.Href is not null)],
            [.. rows.Where(r => r.Href is null)],
            [.. page.Models.Where(m => m.LayersWithData.Count > 0 && page.Search.Any(c => c.Source.Covers(m.Model.Id)))
                .OrderByDescending(m => page.Search.Any(c => Present(m.Coverage, c.Source) > 0)).Select(m => m.Model.Id)],
            page.Search.Count > 0 ? page.Search[0].Search : null);
    }

    public static ModelView Model(ModelPageModel page) => new(
        Facts(page.Model),
        Coverage(page.Model, page.Coverage),
        page.Layers.Select(l => new LayerRowView(
            l.Layer,
            HasData(l) ? Numbers.Int(l.Layer) + "/index.html" : null,
            Coverage(page.Model, l.Coverage),
            l.Top.Select((n, i) => Row(n, Numbers.Int(l.Layer) + "/", i + 1, [])).ToList())).ToList(),
        page.Search,
        page.Notes);

    public static LayerView Layer(LayerPageModel page)
    {
        var ranked = InterestRanking.Order(page.Neurons);
        var model = page.Model;
        var layer = page.Layer;
        // The columns of the sources that cover the model: scores first, texts last (they are the widest).
        var columns = page.Columns.Where(c => c.Source.Covers(model.Id)).OrderBy(c => c.Kind == ColumnKind.Text).ToList();
        return new LayerView(
            Facts(model),
            layer,
            Coverage(model, page.Coverage),
            Numbers.Count(page.Neurons.Count),
            page.Neurons.Count,
            [.. ranked.Take(LayerRows).Select((n, i) => Row(n, "", i + 1, columns))],
            [.. page.Neurons.Select(n => new NeuronLinkView(n.Neuron, Numbers.Int(n.Neuron) + ".html"))],
            page.PreviousLayer is { } previous ? $"../{Numbers.Int(previous)}/index.html" : null,
            page.NextLayer is { } next ? $"../{Numbers.Int(next)}/index.html" : null,
            $"../../api/{model.Id}/{Numbers.Int(layer)}/index.json",
            page.PreviousLayer,
            page.NextLayer,
            [.. columns.Select(c => new ColumnView(c.Key, c.Kind == ColumnKind.Text ? "text" : "number", c.Heading))],
            [.. columns.Select(c => c.Filter).OfType<string>()],
            [.. columns.Select(c => c.Only).OfType<string>()],
            [.. page.MissingUpstream.Select(n => new MissingNeuronView(n, Api.ApiPaths.NeuroscopeOriginal(model.Id, layer, n)))]);
    }

    public static ModelFactsView Facts(ModelInfo m) => new(
        m.Id,
        m.ActivationFunction,
        m.Dataset,
        Numbers.Count(m.Layers),
        Numbers.Count(m.NeuronsPerLayer),
        Numbers.Count(m.TotalNeurons),
        Numbers.Count(m.Parameters));

    /// <summary>The coverage rows of the sources that cover <paramref name="model"/>; the others cannot have data for it.</summary>
    public static IReadOnlyList<CoverageView> Coverage(ModelInfo model, IReadOnlyList<CoverageCounts> counts) =>
        counts.Where(c => Info(c)?.Covers(model.Id) ?? true).Select(c => new CoverageView(
            Info(c)?.AvailableLabel ?? c.Source,
            Numbers.Count(c.Expected),
            Numbers.Count(c.Present),
            Numbers.Count(c.MissingUpstream),
            Numbers.Count(c.Failed),
            Numbers.Count(c.Invalid),
            Numbers.Count(c.NotAttempted))).ToList();

    /// <summary>"0–3, 5, 7–8" for the layers 0,1,2,3,5,7,8; "none" when empty.</summary>
    public static string Ranges(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return "none";
        }

        var sorted = values.Distinct().Order().ToList();
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Count; i++)
        {
            var first = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1)
            {
                i++;
            }

            text.Append(text.Length > 0 ? ", " : "").Append(Numbers.Int(first));
            if (sorted[i] != first)
            {
                text.Append('–').Append(Numbers.Int(sorted[i]));
            }
        }

        return text.ToString();
    }

    private static long Present(IReadOnlyList<CoverageCounts> counts, SourceInfo source) =>
        counts.Where(c => c.Source == source.Id).Sum(c => c.Present);

    private static bool HasData(LayerSummary layer) => layer.Top.Count > 0 || layer.Coverage.Any(c => c.Present > 0);

    /// <param name="rank">Its place in the default ranking of its layer; the rows given are in that order.</param>
    /// <param name="columns">The source columns the row has cells for.</param>
    private static NeuronRowView Row(NeuronSummary n, string prefix, int rank, IReadOnlyList<SourceColumn> columns)
    {
        var s = n.Statistics;
        return new(
            n.Neuron,
            prefix + Numbers.Int(n.Neuron) + ".html",
            rank,
            Numbers.Float(n.MaxActivation),
            Numbers.Double(n.MaxRange),
            Stat(s.TopExampleRange),
            Stat(s.Activations.Variance),
            Stat(s.Activations.Skewness),
            Stat(s.Activations.ExcessKurtosis),
            Stat(s.Activations.FractionPositive),
            s.TopTokens.Token is { } token ? Visible(token) : null,
            Stat(s.TopTokens.Share),
            [.. columns.Select(c => c.Kind == ColumnKind.Text ? new CellView(n[c].Text, true) : new CellView(Stat(n[c].Number), false))],
            [.. n.Columns.Where(c => c.Column.Kind == ColumnKind.Text).Select(c => c.Value.Text)]);
    }

    /// <summary>A statistic for reading: 4 significant digits (<c>0.7428</c>, <c>1.235E-05</c>), "–" when undefined.</summary>
    public static string Stat(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";

    /// <summary>
    /// A token as a listing shows it: newline ↵, tab ⇥, other control characters as control pictures, and a token of
    /// spaces only as ␣ per space (a blank chip would hide it).
    /// </summary>
    public static string Visible(string token)
    {
        var spaces = token.Length > 0 && token.All(c => c == ' ');
        var text = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            text.Append(c switch
            {
                ' ' when spaces => '\u2423',
                '\n' => '\u21b5',
                '\t' => '\u21e5',
                < ' ' => (char)(0x2400 + c),
                '\u007f' => '\u2421',
                _ => c,
            });
        }

        return text.ToString();
    }

    private static SourceInfo? Info(CoverageCounts counts) => counts.Info ?? SourceInfo.All.FirstOrDefault(s => s.Id == counts.Source);
}
