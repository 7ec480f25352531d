using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Fetch.Neuron2Graph;

namespace NeuroNav.Fetch.Tests.Neuron2Graph;

public sealed class DotGraphParserTests
{
    [Fact]
    public void Parser_reads_the_literal_example_into_depths_kinds_and_edges()
    {
        var graph = DotGraphParser.Parse(DotFixtures.Example, DotFixtures.Id, DotFixtures.Provenance);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], graph.Nodes.Select(n => n.Id));
        Assert.Equal(["except", "all", "everyone", " ,", "\"", "café", " "], graph.Nodes.Select(n => n.Token));
        Assert.Equal([0, 1, 1, 2, 2, 2, 2], graph.Nodes.Select(n => n.Depth));
        Assert.Equal(GraphNodeKind.Activating, graph.Nodes[0].Kind);
        Assert.All(graph.Nodes.Skip(1), n => Assert.Equal(GraphNodeKind.Context, n.Kind));
        Assert.Equal([false, true, false, true, true, true, true], graph.Nodes.Select(n => n.IsEnd));
        Assert.Equal([(1, 2), (1, 3), (3, 4), (3, 5), (3, 6), (3, 7)], graph.Edges.Select(e => (e.Parent, e.Child)));
        Assert.Equal(DotFixtures.Example, graph.Dot);
    }

    [Fact]
    public void Importance_is_one_minus_the_green_byte()
    {
        var graph = DotGraphParser.Parse(DotFixtures.Example, DotFixtures.Id, DotFixtures.Provenance);

        Assert.Equal(1.0, graph.Nodes[0].Importance, 6);                  // #ff0000
        Assert.Equal(1 - (0x39 / 255.0), graph.Nodes[1].Importance, 6);   // #3939ff
        Assert.Equal(1 - (0xef / 255.0), graph.Nodes[6].Importance, 6);   // #efefff
        Assert.Equal("#3939ff", graph.Nodes[1].FillColor);
    }

    [Theory]
    [InlineData("_", "_")]
    [InlineData("00", "00")]
    [InlineData("1.", "1.")]
    [InlineData("-5", "-5")]
    [InlineData("__init__", "__init__")]
    [InlineData("<b>", "<b>")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    [InlineData("</svg><img src=x onerror=alert(1)>", "</svg><img src=x onerror=alert(1)>")]
    [InlineData("\"\"", "")]
    [InlineData("\"\\\\\\\\\"", "\\")]
    [InlineData("\"\\\\t\"", "\t")]
    [InlineData("\"\\\\n\"", "\n")]
    [InlineData("\"\\\\u00e9\"", "é")]
    [InlineData("\"\\\\ud83d\\\\ude00\"", "😀")]
    [InlineData("\"' '\"", " ")]
    [InlineData("\"'   '\"", "   ")]
    [InlineData("\"'\"", "'")]
    [InlineData("\"\\\"\"", "\"")]
    [InlineData("\" \\\"\"", " \"")]
    [InlineData("\"node\"", "node")]
    [InlineData("\"a\\\\u00e9\\\"\"", "a\\u00e9\"")]
    public void Label_decodes_to_the_normalised_token(string written, string token)
    {
        var graph = DotGraphParser.Parse(DotFixtures.WithContextLabel(written), DotFixtures.Id, DotFixtures.Provenance);

        Assert.Equal(token, graph.Nodes.Single(n => n.Id == 2).Token);
    }

    [Fact]
    public void Parser_accepts_a_graph_with_only_the_root_cluster()
    {
        const string dot = "digraph {\n\tgraph [nodesep=0.2 rankdir=RL ranksep=1.5 splines=spline]\n\tsubgraph cluster_0 {\n\t\tpencolor=white penwidth=3\n\t}\n}\n";

        var graph = DotGraphParser.Parse(dot, DotFixtures.Id, DotFixtures.Provenance);

        Assert.Empty(graph.Nodes);
        Assert.Empty(graph.Edges);
    }

    [Theory]
    [InlineData("", "digraph")]
    [InlineData("graph { }", "digraph")]
    [InlineData("digraph {\n\tsubgraph cluster_1 {\n\t\t1 [label=a fillcolor=\"#ff0000\"]\n\t}\n", "closing brace")]
    [InlineData("digraph {\n\tsubgraph cluster_2 {\n\t}\n\tsubgraph cluster_1 {\n\t\t1 [label=a fillcolor=\"#ff0000\"]\n\t}\n\t1 -> 9 [dir=back]\n}\n", "line 7: edge 1 -> 9")]
    [InlineData("digraph {\n\tsubgraph cluster_2 {\n\t}\n\tsubgraph cluster_1 {\n\t\t1 [label=a fillcolor=red]\n\t}\n}\n", "line 5: node 1 has fillcolor 'red'")]
    [InlineData("digraph {\n\tsubgraph cluster_2 {\n\t}\n\tsubgraph cluster_1 {\n\t\t1 [fillcolor=\"#ff0000\"]\n\t}\n}\n", "node 1 has no label")]
    [InlineData("digraph {\n\tsubgraph cluster_2 {\n\t}\n\tsubgraph cluster_1 {\n\t\t1 [label=\"abc fillcolor=\"#ff0000\"]\n\t}\n}\n", "line 5")]
    [InlineData("digraph {\n\tsubgraph cluster_1 {\n\t}\n\tsubgraph cluster_2 {\n\t\t1 [label=a fillcolor=\"#ff0000\"]\n\t\t2 [label=b fillcolor=\"#0000ff\"]\n\t}\n\t2 -> 1\n}\n", "dir=back")]
    [InlineData("digraph {\n\tsubgraph cluster_1 {\n\t\t1 [label=a fillcolor=\"#ff0000\"]\n\t}\n}\n", "root")]
    [InlineData("digraph {\n\tsubgraph foo {\n\t}\n}\n", "cluster_")]
    public void Parser_rejects_a_broken_graph_with_a_reason(string dot, string reason)
    {
        var e = Assert.Throws<GraphFormatException>(() => DotGraphParser.Parse(dot, DotFixtures.Id, DotFixtures.Provenance));

        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_rejects_bytes_that_are_not_utf8()
    {
        var e = Assert.Throws<GraphFormatException>(() => DotGraphParser.Parse([0x64, 0xff, 0xfe], DotFixtures.Id, DotFixtures.Provenance));

        Assert.Contains("UTF-8", e.Reason, StringComparison.Ordinal);
    }
}
