using System.Text.Json;
using NeuroNav.Build.Api;
using NeuroNav.Build.Sources;
using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Build.Neuron2Graph;

/// <summary>
/// One neuron's <c>"neuron2graph"</c> section. <c>explanation-score</c> is the F1 score of class "1" of N2G's stats (see
/// <see cref="GraphStats.ExplanationScore"/> for why); <c>stats</c> is the whole report with N2G's key names, non-finite
/// numbers as null; <c>graph</c> the nodes and edges; <c>similar_neurons</c> the top neurons by Jaccard similarity of
/// their neuron-store tokens. Numbers are written in shortest round-trip form, so rebuilds are byte-identical.
/// </summary>
internal sealed class GraphSection(NeuronGraph graph, GraphStats? stats, IReadOnlyList<SimilarNeuron> similar, Func<int, int, bool> hasPage) : INeuronSection
{
    /// <summary>Named in every section so a reader of the JSON alone knows what the score is.</summary>
    public const string ScoreField = "stats[\"1\"][\"f1-score\"]";

    private readonly Lazy<GraphPageView> _view = new(() => GraphPageView.Create(graph, stats, similar, hasPage));

    public double? Score => stats?.ExplanationScore;

    public string? Summary => null;

    public object PageView => _view.Value;

    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        Number(writer, "explanation-score", Score);
        writer.WriteString("explanation_score_field", ScoreField);
        writer.WritePropertyName("graph");
        writer.WriteStartObject();
        writer.WriteStartArray("nodes");
        foreach (var node in graph.Nodes)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", node.Id);
            writer.WriteString("token", node.Token);
            writer.WriteNumber("depth", node.Depth);
            writer.WriteString("kind", node.Kind == GraphNodeKind.Activating ? "activating" : "context");
            writer.WriteNumber("importance", Math.Round(node.Importance, 6));
            writer.WriteBoolean("end", node.IsEnd);
            writer.WriteString("fill_color", node.FillColor);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("edges");
        foreach (var edge in graph.Edges)
        {
            writer.WriteStartObject();
            writer.WriteNumber("parent", edge.Parent);
            writer.WriteNumber("child", edge.Child);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        WriteStats(writer);
        writer.WriteStartArray("similar_neurons");
        foreach (var s in similar)
        {
            writer.WriteStartObject();
            writer.WriteNumber("layer", s.OtherLayer);
            writer.WriteNumber("neuron", s.OtherNeuron);
            writer.WriteNumber("similarity", Math.Round(s.Similarity, 6));
            writer.WriteNumber("shared_tokens", s.SharedTokens);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("provenance");
        writer.WriteStartObject();
        writer.WriteString("url", graph.Provenance.Url);
        writer.WriteString("sha256", graph.Provenance.Sha256);
        writer.WriteNumber("bytes", graph.Provenance.Bytes);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private void WriteStats(Utf8JsonWriter writer)
    {
        if (stats is null)
        {
            writer.WriteNull("stats");
            return;
        }

        writer.WritePropertyName("stats");
        writer.WriteStartObject();
        writer.WriteBoolean("evaluation_failed", stats.Empty);
        Class(writer, "0", stats.Quiet);
        Class(writer, "1", stats.Firing);
        Number(writer, "accuracy", stats.Accuracy);
        Class(writer, "macro avg", stats.MacroAvg);
        Class(writer, "weighted avg", stats.WeightedAvg);
        Number(writer, "correlation", stats.Correlation);
        writer.WriteEndObject();
    }

    private static void Class(Utf8JsonWriter writer, string name, ClassStats? c)
    {
        if (c is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteStartObject();
        Number(writer, "precision", c.Precision);
        Number(writer, "recall", c.Recall);
        Number(writer, "f1-score", c.F1);
        Number(writer, "support", c.Support);
        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value) => writer.WriteFinite(name, value);
}
