using System.Text;
using NeuroNav.Build.Coverage;
using NeuroNav.Build.Pages;
using NeuroNav.Core;

namespace NeuroNav.Build.Html;

/// <summary>Turns a neuron page model into its template's view; each heatmap is rendered into the scratch and leaves a slot marker.</summary>
internal static class NeuronViews
{
    /// <param name="sections">The other sources' parts of the page, already rendered by their templates.</param>
    public static NeuronView Create(NeuronPageModel page, RenderScratch scratch, IReadOnlyList<SectionView> sections)
    {
        var id = page.Id;
        var n = id.Neuron;
        var links = new NeuronLinksView(
            page.HasPrevious ? Numbers.Int(n - 1) + ".html" : null,
            page.HasNext ? Numbers.Int(n + 1) + ".html" : null,
            "index.html",
            "../index.html",
            "../../index.html",
            $"../../api/{id.Model}/{Numbers.Int(id.Layer)}/{Numbers.Int(n)}.json",
            HttpLinks.OrNull(page.NeuroscopeUrl) ?? "");
        var neuroscope = page.Neuroscope is { } data ? Neuroscope(data, scratch) : null;
        var gaps = page.Coverage.Where(c => !c.IsPresent && c.Status != SourceCoverage.NotAttempted).Select(Gap).ToList();
        var why = page.Neuroscope is not null ? null
            : page.Coverage.FirstOrDefault(c => c.Source == SourceInfo.Neuroscope) is { } status ? Gap(status)
            : Gap(new SourceCoverage(SourceInfo.Neuroscope, SourceCoverage.NotAttempted, null, null));
        return new NeuronView(ListingViews.Facts(page.Model), id.Layer, n, links, neuroscope, sections,
            LayerLinks.Previous(page.Model, id.Layer, page.LayersWithData), LayerLinks.Next(page.Model, id.Layer, page.LayersWithData), gaps, why);
    }

    private static CoverageGapView Gap(SourceCoverage c) => new(
        c.Label,
        c.Status switch
        {
            "missing_upstream" => "missing upstream (the source has no page for it)",
            "failed" => "failed (fetched again on the next run)",
            "invalid" => "invalid (fetched, but not valid data for this neuron)",
            "present" => "present",
            _ => "not fetched yet",
        },
        c.Reason);

    private static NeuroscopeView Neuroscope(NeuroscopeNeuron data, RenderScratch scratch)
    {
        var scale = ColorScale.For(data);
        var texts = new List<TextView>(data.Texts.Count);
        foreach (var text in data.Texts)
        {
            var window = text.Truncated;
            var start = scratch.Heatmaps.WrittenCount;
            HeatmapWriter.Write(scratch.Heatmaps, text, window, scale);
            var slot = scratch.EndHeatmap(start);
            texts.Add(new TextView(
                text.Index,
                Numbers.Float(text.MaxActivation),
                Numbers.Float(text.MinActivation),
                Numbers.Int(text.DataIndex),
                text.Dataset,
                text.MaxTokenIndex,
                WindowText(window, text.Tokens.Length),
                HtmlSlots.Marker(slot)));
        }

        return new NeuroscopeView(
            Numbers.Rounded(data.MaxRange),
            Numbers.Rounded(data.MinRange),
            Numbers.Double(scale.Max),
            Numbers.Double(scale.Min),
            data.CircuitsVisVersion,
            Numbers.Int(data.Texts.Count),
            Legend(scale),
            texts);
    }

    private static string WindowText(TokenWindow window, int tokens) => window.Length == 0
        ? "no tokens"
        : $"tokens {Numbers.Int(window.Start)}–{Numbers.Int(window.End - 1)} of {Numbers.Int(tokens)}";

    /// <summary>The 21 buckets from the minimum to the maximum, each with the value it stands for on hover.</summary>
    internal static string Legend(ColorScale scale)
    {
        var html = new StringBuilder("<span class=\"legend\" aria-hidden=\"true\">");
        html.Append("<span class=\"end\">").Append(Numbers.Rounded(scale.Min)).Append("</span>");
        for (var bucket = -ColorScale.Buckets; bucket <= ColorScale.Buckets; bucket++)
        {
            var share = Math.Abs(bucket) / (double)ColorScale.Buckets;
            var cls = ColorScale.ClassName(bucket);
            html.Append("<span class=\"sw").Append(cls.Length > 0 ? " " + cls : "").Append("\" title=\"≈ ")
                .Append(Numbers.Rounded(share * (bucket < 0 ? scale.Min : scale.Max))).Append("\"></span>");
        }

        html.Append("<span class=\"end\">").Append(Numbers.Rounded(scale.Max)).Append("</span></span>");
        return html.ToString();
    }
}
