using System.Text;
using NeuroNav.Build.Pages;
using NeuroNav.Core;

namespace NeuroNav.Build.Html;

/// <summary>Turns the index, model and layer page models into what their templates print.</summary>
internal static class ListingViews
{
    /// <summary>How many neurons the layer page lists first, by max activation.</summary>
    public const int LayerTopCount = 20;

    public static IndexView Index(IndexPageModel page) => new(
        page.Models.Select(m => new ModelRowView(
            Facts(m.Model),
            Coverage(m.Coverage),
            m.LayersWithData.Count > 0 ? $"{m.Model.Id}/index.html" : null,
            Ranges(m.LayersWithData))).ToList());

    public static ModelView Model(ModelPageModel page) => new(
        Facts(page.Model),
        Coverage(page.Coverage),
        page.Layers.Select(l => new LayerRowView(
            l.Layer,
            HasData(l) ? Numbers.Int(l.Layer) + "/index.html" : null,
            Coverage(l.Coverage),
            l.Top.Select(n => Row(n, Numbers.Int(l.Layer) + "/")).ToList())).ToList());

    public static LayerView Layer(LayerPageModel page)
    {
        var top = page.Neurons
            .Where(n => n.MaxActivation is { } v && !float.IsNaN(v))
            .OrderByDescending(n => n.MaxActivation!.Value)
            .ThenBy(n => n.Neuron)
            .Take(LayerTopCount)
            .Select(n => Row(n, ""))
            .ToList();
        return new LayerView(
            Facts(page.Model),
            page.Layer,
            Coverage(page.Coverage),
            Numbers.Count(page.Neurons.Count),
            top,
            page.Neurons.Select(n => Row(n, "")).ToList());
    }

    public static ModelFactsView Facts(ModelInfo m) => new(
        m.Id,
        m.ActivationFunction,
        m.Dataset,
        Numbers.Count(m.Layers),
        Numbers.Count(m.NeuronsPerLayer),
        Numbers.Count(m.TotalNeurons),
        Numbers.Count(m.Parameters));

    public static IReadOnlyList<CoverageView> Coverage(IReadOnlyList<CoverageCounts> counts) =>
        counts.Select(c => new CoverageView(
            SourceLabel(c.Source),
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

    private static bool HasData(LayerSummary layer) => layer.Top.Count > 0 || layer.Coverage.Any(c => c.Present > 0);

    private static NeuronRowView Row(NeuronSummary n, string prefix) =>
        new(n.Neuron, prefix + Numbers.Int(n.Neuron) + ".html", Numbers.Float(n.MaxActivation), Numbers.Double(n.MaxRange));

    private static string SourceLabel(string sourceId) =>
        SourceInfo.All.FirstOrDefault(s => s.Id == sourceId)?.AvailableLabel ?? sourceId;
}
