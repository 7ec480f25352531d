using System.Globalization;
using System.Text;
using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Build.Neuron2Graph;

/// <summary>A node box of the drawn graph; <see cref="Label"/> and <see cref="Title"/> are raw text the template escapes.</summary>
public sealed record GraphNodeView(int X, int Y, int TextX, int TextY, string Fill, string TextColor, int StrokeWidth, string Label, string Title, string Kind);

/// <summary>An edge as an SVG path (numbers only).</summary>
public sealed record GraphEdgeView(string Path);

/// <summary>A column heading of the drawing: "activating" or "context −d".</summary>
public sealed record GraphColumnView(int X, string Label);

/// <summary>One row of the stats table, numbers formatted.</summary>
public sealed record GraphStatsRow(string Name, string Precision, string Recall, string F1, string Support);

/// <summary>A similar neuron; <see cref="Href"/> is its page relative to the neuron page, null when the site has no page for it.</summary>
public sealed record SimilarNeuronView(string? Href, int Layer, int Neuron, string Similarity, int SharedTokens);

/// <summary>
/// What <c>templates/neuron2graph.sbn</c> draws: the graph laid out by depth (activating tokens in the right-hand column,
/// N2G's rankdir=RL, context tokens further back to the left), N2G's own fill colours and font colour rule, thicker
/// borders on pattern ends, plus the stats table and the similar neurons.
/// </summary>
public sealed record GraphPageView(
    string Score,
    string ScoreField,
    int Width,
    int Height,
    IReadOnlyList<GraphColumnView> Columns,
    IReadOnlyList<GraphNodeView> Nodes,
    IReadOnlyList<GraphEdgeView> Edges,
    bool HasStats,
    bool EvaluationFailed,
    IReadOnlyList<GraphStatsRow> StatsRows,
    string Accuracy,
    string Correlation,
    IReadOnlyList<SimilarNeuronView> Similar)
{
    private const int BoxWidth = 132;
    private const int BoxHeight = 34;
    private const int ColumnGap = 56;
    private const int RowGap = 12;
    private const int Top = 28;
    private const int Margin = 8;
    private const int MaxLabel = 15;
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <param name="hasPage">Whether the site has a page for (layer, neuron) of this model; the others are named without a link.</param>
    public static GraphPageView Create(NeuronGraph graph, GraphStats? stats, IReadOnlyList<SimilarNeuron> similar, Func<int, int, bool> hasPage)
    {
        var maxDepth = graph.Nodes.Count == 0 ? 0 : graph.Nodes.Max(n => n.Depth);
        var rows = new int[maxDepth + 1];
        var boxes = new Dictionary<int, (int X, int Y)>();
        var nodes = new List<GraphNodeView>(graph.Nodes.Count);
        foreach (var node in graph.Nodes)
        {
            var x = Margin + ((maxDepth - node.Depth) * (BoxWidth + ColumnGap));
            var y = Top + (rows[node.Depth]++ * (BoxHeight + RowGap));
            boxes[node.Id] = (x, y);
            var shown = Show(node.Token);
            var label = shown.EnumerateRunes().Count() > MaxLabel ? string.Concat(shown.EnumerateRunes().Take(MaxLabel - 1)) + "…" : shown;
            nodes.Add(new GraphNodeView(
                x, y, x + (BoxWidth / 2), y + (BoxHeight / 2) + 5, SafeColor(node.FillColor), TextColor(node), node.IsEnd ? 4 : 1, label,
                string.Create(CultureInfo.InvariantCulture, $"{shown} ({(node.Kind == GraphNodeKind.Activating ? "activating" : "context")}, importance {node.Importance:0.###}{(node.IsEnd ? ", pattern start" : "")})"),
                node.Kind == GraphNodeKind.Activating ? "activating" : "context"));
        }

        var edges = new List<GraphEdgeView>(graph.Edges.Count);
        foreach (var edge in graph.Edges)
        {
            if (boxes.TryGetValue(edge.Parent, out var p) && boxes.TryGetValue(edge.Child, out var c))
            {
                // From the child's right side to the parent's left side (the parent is further right, nearer the activation).
                int x1 = c.X + BoxWidth, y1 = c.Y + (BoxHeight / 2), x2 = p.X, y2 = p.Y + (BoxHeight / 2), mid = (x1 + x2) / 2;
                edges.Add(new GraphEdgeView(string.Create(CultureInfo.InvariantCulture, $"M{x1} {y1} C{mid} {y1} {mid} {y2} {x2} {y2}")));
            }
        }

        var columns = Enumerable.Range(0, maxDepth + 1)
            .Select(d => new GraphColumnView(Margin + ((maxDepth - d) * (BoxWidth + ColumnGap)) + (BoxWidth / 2), d == 0 ? "activating" : string.Create(CultureInfo.InvariantCulture, $"context −{d}")))
            .ToList();
        var width = (2 * Margin) + ((maxDepth + 1) * BoxWidth) + (maxDepth * ColumnGap);
        var height = Top + (Math.Max(1, rows.DefaultIfEmpty(0).Max()) * (BoxHeight + RowGap)) + Margin;

        return new GraphPageView(
            Format(stats?.ExplanationScore),
            GraphSection.ScoreField,
            width,
            height,
            graph.Nodes.Count == 0 ? [] : columns,
            nodes,
            edges,
            stats is not null,
            stats?.Empty ?? false,
            stats is null ? [] : RowsOf(stats),
            Format(stats?.Accuracy),
            Format(stats?.Correlation),
            [.. similar.Select(s => new SimilarNeuronView(
                hasPage(s.OtherLayer, s.OtherNeuron) ? string.Create(CultureInfo.InvariantCulture, $"../{s.OtherLayer}/{s.OtherNeuron}.html") : null,
                s.OtherLayer,
                s.OtherNeuron,
                Format(s.Similarity),
                s.SharedTokens))]);
    }

    /// <summary>A token as text a reader can see: spaces at either end as ␣, line breaks and other controls as their symbols.</summary>
    public static string Show(string token)
    {
        if (token.Length == 0)
        {
            return "(empty)";
        }

        var sb = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var edge = i < token.AsSpan().IndexOfAnyExcept(' ') || i > token.AsSpan().LastIndexOfAnyExcept(' ') || token.AsSpan().IndexOfAnyExcept(' ') < 0;
            sb.Append(c switch
            {
                ' ' when edge => '␣',
                '\n' => '↵',
                '\t' => '⇥',
                < ' ' => (char)(0x2400 + c),
                '\u007f' => '␡',
                _ => c,
            });
        }

        return sb.ToString();
    }

    private static IReadOnlyList<GraphStatsRow> RowsOf(GraphStats stats) =>
    [
        Row("firing (class 1)", stats.Firing),
        Row("quiet (class 0)", stats.Quiet),
        Row("macro average", stats.MacroAvg),
        Row("weighted average", stats.WeightedAvg),
    ];

    private static GraphStatsRow Row(string name, ClassStats? c) =>
        new(name, Format(c?.Precision), Format(c?.Recall), Format(c?.F1), c?.Support is { } s && double.IsFinite(s) ? s.ToString("0", CultureInfo.InvariantCulture) : "–");

    private static string Format(double? value) => value switch
    {
        null => "–",
        double v when double.IsNaN(v) => "NaN",
        double v when double.IsInfinity(v) => v > 0 ? "∞" : "−∞",
        double v => v.ToString("0.###", CultureInfo.InvariantCulture),
    };

    /// <summary>N2G's rule: white text on context nodes whose green byte is under 130, black otherwise.</summary>
    private static string TextColor(GraphNode node) =>
        node.Depth != 0 && SafeColor(node.FillColor) is var fill && int.Parse(fill.AsSpan(3, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) < 130
            ? "#ffffff"
            : "#000000";

    private static string SafeColor(string color) =>
        color.Length == 7 && color[0] == '#' && color.AsSpan(1).IndexOfAnyExcept(HexDigits) < 0 ? color.ToLowerInvariant() : "#cccccc";
}
