using NeuroNav.Core;

namespace NeuroNav.Fetch.Tests.Neuron2Graph;

/// <summary>Literal N2G DOT files, byte for byte as python-graphviz 0.20.1 writes them (TAB indentation, final newline).</summary>
internal static class DotFixtures
{
    public static readonly NeuronId Id = new("gpt2-small", 0, 5);

    public static readonly Provenance Provenance = new("file:///n2g/gpt2-small/layer_0/0_5/graph", DateTimeOffset.UnixEpoch, new string('0', 64), 1);

    /// <summary>The literal example of docs/sources/neuron2graph.md#graph-file.</summary>
    public const string Example = "digraph {\n"
        + "\tgraph [nodesep=0.2 rankdir=RL ranksep=1.5 splines=spline]\n"
        + "\tnode [fixedsize=true height=0.75 width=2]\n"
        + "\t1 -> 2 [dir=back penwidth=3]\n"
        + "\t1 -> 3 [dir=back penwidth=3]\n"
        + "\t3 -> 4 [dir=back penwidth=3]\n"
        + "\t3 -> 5 [dir=back penwidth=3]\n"
        + "\t3 -> 6 [dir=back penwidth=3]\n"
        + "\t3 -> 7 [dir=back penwidth=3]\n"
        + "\tsubgraph cluster_5 {\n"
        + "\t\tpencolor=white penwidth=3\n"
        + "\t}\n"
        + "\tsubgraph cluster_4 {\n"
        + "\t\tpencolor=white penwidth=3\n"
        + "\t\t1 [label=except fillcolor=\"#ff0000\" fontcolor=black fontsize=25 penwidth=3 shape=box style=\"filled,solid\"]\n"
        + "\t}\n"
        + "\tsubgraph cluster_3 {\n"
        + "\t\tpencolor=white penwidth=3\n"
        + "\t\t2 [label=all fillcolor=\"#3939ff\" fontcolor=white fontsize=25 penwidth=7 shape=box style=\"filled,solid\"]\n"
        + "\t\t3 [label=everyone fillcolor=\"#7272ff\" fontcolor=white fontsize=25 penwidth=3 shape=box style=\"filled,solid\"]\n"
        + "\t}\n"
        + "\tsubgraph cluster_2 {\n"
        + "\t\tpencolor=white penwidth=3\n"
        + "\t\t4 [label=\" ,\" fillcolor=\"#ababff\" fontcolor=black fontsize=25 penwidth=7 shape=box style=\"filled,solid\"]\n"
        + "\t\t5 [label=\"\\\"\" fillcolor=\"#1d1dff\" fontcolor=white fontsize=25 penwidth=7 shape=box style=\"filled,solid\"]\n"
        + "\t\t6 [label=\"caf\\\\u00e9\" fillcolor=\"#e3e3ff\" fontcolor=black fontsize=25 penwidth=7 shape=box style=\"filled,solid\"]\n"
        + "\t\t7 [label=\"' '\" fillcolor=\"#efefff\" fontcolor=black fontsize=25 penwidth=7 shape=box style=\"filled,solid\"]\n"
        + "\t}\n"
        + "}\n";

    /// <summary>A graph whose one context node has <paramref name="label"/> written exactly as given (after <c>label=</c>).</summary>
    public static string WithContextLabel(string label) => "digraph {\n"
        + "\tgraph [nodesep=0.2 rankdir=RL ranksep=1.5 splines=spline]\n"
        + "\tnode [fixedsize=true height=0.75 width=2]\n"
        + "\t1 -> 2 [dir=back penwidth=3]\n"
        + "\tsubgraph cluster_3 {\n"
        + "\t\tpencolor=white penwidth=3\n"
        + "\t}\n"
        + "\tsubgraph cluster_2 {\n"
        + "\t\tpencolor=white penwidth=3\n"
        + "\t\t1 [label=he fillcolor=\"#ff0000\" fontcolor=black fontsize=25 penwidth=3 shape=box style=\"filled,solid\"]\n"
        + "\t}\n"
        + "\tsubgraph cluster_1 {\n"
        + "\t\tpencolor=white penwidth=3\n"
        + $"\t\t2 [label={label} fillcolor=\"#8080ff\" fontcolor=white fontsize=25 penwidth=7 shape=box style=\"filled,solid\"]\n"
        + "\t}\n"
        + "}\n";
}
