using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NeuroNav.Sample.Neuron2Graph;

/// <summary>A node N2G draws: its normalised token, depth (0 = activating), value (activation or importance) and end flag.</summary>
public sealed record Neuron2GraphNode(int Id, string Token, int Depth, double Value, bool IsEnd);

/// <summary>
/// Writes a graph exactly as N2G's <c>build()</c> did through python-graphviz 0.20.1 (docs/sources/neuron2graph.md#graph-file, docs/sources/neuron2graph.md#node-labels): TAB
/// indentation, sorted attribute keys, all edges first, then one cluster per depth numbered <c>max_depth - depth</c>
/// starting with the root's empty cluster, the label encoded through json.dumps (ASCII), the single-quote wrap of
/// space-only tokens, graphviz.escape and python-graphviz's quoting.
/// </summary>
public static partial class Neuron2GraphDotWriter
{
    private static readonly string[] Keywords = ["node", "edge", "graph", "digraph", "subgraph", "strict"];

    public static string Write(IReadOnlyList<Neuron2GraphNode> nodes, IReadOnlyList<(int Parent, int Child)> edges, int maxDepth)
    {
        var sb = new StringBuilder();
        sb.Append("digraph {\n");
        sb.Append("\tgraph [nodesep=0.2 rankdir=RL ranksep=1.5 splines=spline]\n");
        sb.Append("\tnode [fixedsize=true height=0.75 width=2]\n");
        foreach (var (parent, child) in edges)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\t{parent} -> {child} [dir=back penwidth=3]\n");
        }

        for (var depth = -1; depth <= (nodes.Count == 0 ? -1 : nodes.Max(n => n.Depth)); depth++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\tsubgraph cluster_{maxDepth - depth} {{\n");
            sb.Append("\t\tpencolor=white penwidth=3\n");
            foreach (var node in nodes.Where(n => n.Depth == depth))
            {
                var display = Display(node.Token);
                var (r, g, b) = Colour(node);
                var font = node.Depth != 0 && g < 130 ? "white" : "black";
                sb.Append(CultureInfo.InvariantCulture,
                    $"\t\t{node.Id} [label={Quote(Escape(display))} fillcolor=\"#{r:x2}{g:x2}{b:x2}\" fontcolor={font} fontsize={(display.Length < 12 ? 25 : 18)} penwidth={(node.IsEnd ? 7 : 3)} shape=box style=\"filled,solid\"]\n");
            }

            sb.Append("\t}\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>Steps 1-3 of the label pipeline: strip U+200B, json.dumps(...).strip('[]"') unless '"' is in it, quote spaces.</summary>
    public static string Display(string token)
    {
        var d = token.Trim('\u200b');
        if (!token.Contains('"', StringComparison.Ordinal))
        {
            d = PythonJsonDumps(d).Trim('[', ']', '"');
        }

        return d.Length > 0 && d.AsSpan().IndexOfAnyExcept(' ') < 0 ? "'" + d + "'" : d;
    }

    /// <summary>N2G's colours: red for activating tokens, blue for context, channels clamped to 0..255.</summary>
    public static (int R, int G, int B) Colour(Neuron2GraphNode node)
    {
        if (node.Depth == 0)
        {
            var s = (int)((node.Value - 0.3) / 0.7 * 255);
            return (255, Clamp(255 - s), Clamp(255 - s));
        }

        var t = (int)((node.Value - 0.55) / 0.45 * 255);
        return (Clamp(255 - t), Clamp(255 - t), 255);
    }

    private static int Clamp(int v) => Math.Clamp(v, 0, 255);

    /// <summary>graphviz.escape: doubles backslashes.</summary>
    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal);

    /// <summary>python-graphviz quote(): bare for ids, numerals and HTML-like strings, else double-quoted with '"' escaped.</summary>
    private static string Quote(string s)
    {
        if ((BareId().IsMatch(s) && !Keywords.Contains(s.ToLowerInvariant())) || HtmlLike().IsMatch(s))
        {
            return s;
        }

        return "\"" + UnescapedQuote().Replace(s, m => m.Value[..^1] + "\\\"") + "\"";
    }

    /// <summary>Python's json.dumps of a string with ensure_ascii: \uXXXX for non-ASCII (surrogate pairs), short escapes.</summary>
    private static string PythonJsonDumps(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when c < ' ' || c > '~' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    [GeneratedRegex(@"^([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$")]
    private static partial Regex BareId();

    [GeneratedRegex(@"^<.*>$", RegexOptions.Singleline)]
    private static partial Regex HtmlLike();

    [GeneratedRegex(@"(?<!\\)(?:\\\\)*""")]
    private static partial Regex UnescapedQuote();
}
