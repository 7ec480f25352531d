using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Corpus.Tests.Tables;

/// <summary>GPT-4 and Neuron2Graph rows as a reader sees them, written out in full so two reads compare value by value.</summary>
internal static class SourceRows
{
    public const string Model = "gpt2-small";

    public static string Describe(IEnumerable<Gpt4Neuron> neurons) => string.Join('\n', neurons.Select(Describe));

    public static string Describe(Gpt4Neuron n) => string.Join(" / ",
        n.Id,
        Join(n.Files.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}")),
        Join(n.Explanations.Select(e => $"{e.Index}:{e.Text}:{e.EvCorrelationScore}:{e.RSquaredScore}:{e.AbsoluteDevExplainedScore}:[" +
            Join(e.Simulations.Select(s => $"{s.Index}:{Join(s.Tokens)}:{Join(s.TrueActivations)}:{Join(s.SimulatedActivations)}:{s.EvCorrelationScore}:{s.RSquaredScore}:{s.AbsoluteDevExplainedScore}")) + "]")),
        n.Activations is not { } a ? "no activations"
            : $"{a.Mean}:{a.Variance}:{a.Skewness}:{a.Kurtosis}:{Join(a.QuantileBoundaries)}:[{Join(a.Records.Select(r => $"{r.Kind}:{r.Bucket}:{r.Index}:{Join(r.Tokens)}:{Join(r.Activations)}"))}]",
        n.RelatedNeurons is null ? "no related neurons" : Join(n.RelatedNeurons),
        n.RelatedTokens is null ? "no related tokens" : Join(n.RelatedTokens));

    public static string Describe(IReadOnlyDictionary<int, NeuronGraph> graphs) => string.Join('\n', graphs.OrderBy(g => g.Key).Select(g =>
        $"{g.Key} / {g.Value.Id} / {g.Value.Dot} / {g.Value.Provenance} / {Join(g.Value.Nodes)} / {Join(g.Value.Edges)}"));

    public static string Describe(IReadOnlyDictionary<int, GraphStats> stats) => string.Join('\n', stats.OrderBy(s => s.Key).Select(s => $"{s.Key} / {s.Value}"));

    public static Gpt4Neuron Gpt4Neuron(int layer, int neuron, string explanation, double? score) => Tests.Gpt4.Gpt4StoreTests.Neuron(Model, layer, neuron, explanation, score);

    public static NeuronGraph Graph(int layer, int neuron, string token) => new(
        new NeuronId(Model, layer, neuron),
        [new GraphNode(0, token, 0, GraphNodeKind.Activating, 0.8, false, "#ff3333"), new GraphNode(1, " of", 1, GraphNodeKind.Context, 0.25, true, "#bfbfff")],
        [new GraphEdge(0, 1)],
        $"digraph {{ 0 [label=\"{token.Trim()}\"]; 1 [label=\"of\"]; 0 -> 1 }}",
        new Provenance($"https://example.test/n2g/{layer}_{neuron}/graph", DateTimeOffset.UnixEpoch.AddHours(neuron), new string('c', 64), 64 + neuron));

    public static GraphStats Stats(int layer, int neuron, double f1) => new(
        new NeuronId(Model, layer, neuron), new ClassStats(0.99, 0.98, 0.985, 5000), new ClassStats(0.5, 0.7, f1, 12), 0.97, null, null, double.NaN, false);

    public static StoreEntry Store(int layer, string token, int neuron) => new(token, StoreKind.Activating, layer, neuron);

    public static SimilarNeuron Similar(int neuron, int other, double similarity) => new(neuron, 1, 0, other, similarity, 3);

    public static CoverageRow Coverage(int layer, int neuron, string source, CoverageStatus status, int day)
        => new(Model, layer, neuron, source, status, status == CoverageStatus.Present ? null : "answered 404", $"https://example.test/{source}/{layer}/{neuron}", 200, DateTimeOffset.UnixEpoch.AddDays(day));

    private static string Join<T>(IEnumerable<T> items) => string.Join(',', items.Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)));
}
