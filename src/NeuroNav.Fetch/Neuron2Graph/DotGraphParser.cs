using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>
/// Parses the DOT file N2G writes for a neuron (docs/sources/neuron2graph.md#graph-file) into a <see cref="NeuronGraph"/>. Clusters count in
/// file order: the first is the invisible root's (empty), the second holds the activating tokens (depth 0), later ones
/// the context tokens at depth 1, 2, ...; the cluster numbers themselves are ignored. Edges must be <c>dir=back</c>.
/// </summary>
public static class DotGraphParser
{
    /// <exception cref="GraphFormatException">The bytes are not such a graph; the reason names the line.</exception>
    public static NeuronGraph Parse(ReadOnlySpan<byte> bytes, NeuronId id, Provenance provenance)
    {
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new GraphFormatException($"graph is not UTF-8: {e.Message}", e);
        }

        return Parse(text, id, provenance);
    }

    /// <exception cref="GraphFormatException">The text is not such a graph; the reason names the line.</exception>
    public static NeuronGraph Parse(string text, NeuronId id, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(DotTokenizer.Tokenize(text.TrimStart('\uFEFF')));
        var graph = new Collected();
        reader.Expect("digraph", "graph must start with 'digraph'");
        if (reader.Peek is { IsId: true } name && !name.Is("{"))
        {
            reader.Next();
        }

        reader.ExpectPunct("{");
        ReadStatements(reader, graph, cluster: null);
        if (!reader.AtEnd)
        {
            throw Error(reader.Peek!.Value.Line, $"unexpected '{reader.Peek.Value.Text}' after the graph's closing brace");
        }

        return graph.Build(id, text, provenance);
    }

    private static void ReadStatements(Reader reader, Collected graph, List<RawNode>? cluster)
    {
        while (true)
        {
            var token = reader.Next() ?? throw Error(reader.LastLine, "graph ends before its closing brace");
            if (token.Is("}"))
            {
                return;
            }

            if (token.Is(";"))
            {
                continue;
            }

            if (!token.IsId)
            {
                throw Error(token.Line, $"unexpected '{token.Text}'");
            }

            if (token.Form == DotIdForm.Bare && token.Text is "graph" or "node" or "edge")
            {
                ReadAttributes(reader);
            }
            else if (token.Form == DotIdForm.Bare && token.Text == "subgraph")
            {
                ReadSubgraph(reader, graph, token.Line, cluster);
            }
            else if (reader.Peek is { } eq && eq.Is("="))
            {
                reader.Next();
                _ = reader.Next() is { IsId: true } ? 0 : throw Error(token.Line, $"attribute '{token.Text}' has no value");
            }
            else if (reader.Peek is { } arrow && arrow.Is("->"))
            {
                ReadEdge(reader, graph, token);
            }
            else
            {
                ReadNode(reader, graph, token, cluster);
            }
        }
    }

    private static void ReadSubgraph(Reader reader, Collected graph, int line, List<RawNode>? parent)
    {
        if (parent is not null)
        {
            throw Error(line, "nested subgraph");
        }

        var name = reader.Peek is { IsId: true } id ? reader.Next()!.Value.Text : null;
        if (name is null || !name.StartsWith("cluster_", StringComparison.Ordinal))
        {
            throw Error(line, $"subgraph '{name}' is not a cluster_<number>");
        }

        reader.ExpectPunct("{");
        var nodes = new List<RawNode>();
        graph.Clusters.Add(nodes);
        ReadStatements(reader, graph, nodes);
    }

    private static void ReadEdge(Reader reader, Collected graph, DotToken first)
    {
        var ends = new List<DotToken> { first };
        while (reader.Peek is { } arrow && arrow.Is("->"))
        {
            reader.Next();
            ends.Add(reader.Next() is { IsId: true } next ? next : throw Error(first.Line, "edge has no target"));
        }

        var attributes = reader.Peek is { } open && open.Is("[") ? ReadAttributes(reader) : [];
        if (!attributes.TryGetValue("dir", out var dir) || dir.Text != "back")
        {
            throw Error(first.Line, "edge without dir=back (not the N2G graph dialect)");
        }

        for (var i = 0; i + 1 < ends.Count; i++)
        {
            graph.Edges.Add((NodeId(ends[i]), NodeId(ends[i + 1]), first.Line));
        }
    }

    private static void ReadNode(Reader reader, Collected graph, DotToken idToken, List<RawNode>? cluster)
    {
        var attributes = reader.Peek is { } open && open.Is("[") ? ReadAttributes(reader) : [];
        if (cluster is null)
        {
            throw Error(idToken.Line, $"node {idToken.Text} is outside every cluster");
        }

        var id = NodeId(idToken);
        var label = attributes.TryGetValue("label", out var l) ? l : throw Error(idToken.Line, $"node {id} has no label");
        var fill = attributes.TryGetValue("fillcolor", out var f) ? f.Text : throw Error(idToken.Line, $"node {id} has no fillcolor");
        if (fill.Length != 7 || fill[0] != '#' || !byte.TryParse(fill.AsSpan(3, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var green)
            || !int.TryParse(fill.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _))
        {
            throw Error(idToken.Line, $"node {id} has fillcolor '{fill}', not #rrggbb");
        }

        var isEnd = attributes.TryGetValue("penwidth", out var pen) && pen.Text == "7";
        cluster.Add(new RawNode(id, LabelDecoder.Decode(label.Text, label.Form!.Value), 1 - (green / 255.0), isEnd, fill.ToLowerInvariant(), idToken.Line));
    }

    private static Dictionary<string, DotToken> ReadAttributes(Reader reader)
    {
        var attributes = new Dictionary<string, DotToken>(StringComparer.Ordinal);
        var open = reader.ExpectPunct("[");
        while (true)
        {
            var key = reader.Next() ?? throw Error(open.Line, "attribute list not closed");
            if (key.Is("]"))
            {
                return attributes;
            }

            if (key.Is(",") || key.Is(";"))
            {
                continue;
            }

            if (!key.IsId)
            {
                throw Error(key.Line, $"unexpected '{key.Text}' in an attribute list");
            }

            reader.ExpectPunct("=");
            var value = reader.Next() is { IsId: true } v ? v : throw Error(key.Line, $"attribute '{key.Text}' has no value");
            attributes[key.Text] = value;
        }
    }

    private static int NodeId(DotToken token) =>
        token.Form != DotIdForm.Html && int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw Error(token.Line, $"node id '{token.Text}' is not a number");

    internal static GraphFormatException Error(int line, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"line {line}: {message}"));

    private sealed record RawNode(int Id, string Token, double Importance, bool IsEnd, string Fill, int Line);

    private sealed class Collected
    {
        public List<List<RawNode>> Clusters { get; } = [];

        public List<(int Parent, int Child, int Line)> Edges { get; } = [];

        public NeuronGraph Build(NeuronId id, string text, Provenance provenance)
        {
            if (Clusters.Count == 0)
            {
                throw new GraphFormatException("graph has no clusters");
            }

            if (Clusters[0].Count > 0)
            {
                throw Error(Clusters[0][0].Line, "the first cluster (the root's) is not empty");
            }

            var nodes = new List<GraphNode>();
            var known = new HashSet<int>();
            for (var c = 1; c < Clusters.Count; c++)
            {
                foreach (var raw in Clusters[c])
                {
                    if (!known.Add(raw.Id))
                    {
                        throw Error(raw.Line, $"node {raw.Id} appears twice");
                    }

                    var depth = c - 1;
                    nodes.Add(new GraphNode(raw.Id, raw.Token, depth, depth == 0 ? GraphNodeKind.Activating : GraphNodeKind.Context, raw.Importance, raw.IsEnd, raw.Fill));
                }
            }

            var edges = new List<GraphEdge>(Edges.Count);
            foreach (var (parent, child, line) in Edges)
            {
                if (!known.Contains(parent) || !known.Contains(child))
                {
                    throw Error(line, $"edge {parent} -> {child} names a node no cluster holds");
                }

                edges.Add(new GraphEdge(parent, child));
            }

            return new NeuronGraph(id, nodes, edges, text, provenance);
        }
    }

    private sealed class Reader(List<DotToken> tokens)
    {
        private int _next;

        public bool AtEnd => _next >= tokens.Count;

        public DotToken? Peek => AtEnd ? null : tokens[_next];

        public int LastLine => tokens.Count == 0 ? 1 : tokens[^1].Line;

        public DotToken? Next() => AtEnd ? null : tokens[_next++];

        public void Expect(string bareId, string message)
        {
            if (Next() is not { Form: DotIdForm.Bare } t || !string.Equals(t.Text, bareId, StringComparison.OrdinalIgnoreCase))
            {
                throw new GraphFormatException(message);
            }
        }

        public DotToken ExpectPunct(string punctuation)
        {
            var t = Next();
            return t is { } found && found.Is(punctuation)
                ? found
                : throw Error(t?.Line ?? LastLine, $"expected '{punctuation}', found '{t?.Text ?? "end of file"}'");
        }
    }
}
