using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Build.Tests.Hostile;

/// <summary>
/// GPT-4 and Neuron2Graph data for the hostile neurons gpt2-small/3/0 and 3/1, stored beside their Neuroscope data in a
/// real corpus folder: every explanation, simulated token, related token and graph node is a hostile string, one
/// provenance URL is a <c>javascript:</c> URL and one fill colour is markup. Returns the real section sources over it.
/// </summary>
internal static class HostileSections
{
    public const string Model = "gpt2-small";
    public const int Layer = 3;
    public const string ForeignUrl = "javascript:alert(14)";

    public static async Task<IReadOnlyList<ISectionSource>> WriteAsync(CorpusStore corpus, IReadOnlyList<string> hostile, CancellationToken ct)
    {
        var neurons = new[] { 0, 1 }.Select(n => (Neuron: n, Hostile: n == 0 ? hostile : [.. hostile.Reverse()])).ToList();
        var gpt4 = new Gpt4Store(corpus.Root, corpus.Format);
        await gpt4.WriteBatchAsync(Model, Layer, [.. neurons.Select(n => Gpt4(n.Neuron, n.Hostile))], [], ct);

        var graphs = new GraphCorpus(corpus);
        await graphs.WriteGraphsAsync(Model, Layer, [.. neurons.Select(n => Graph(n.Neuron, n.Hostile))], ct);
        var stats = new ClassStats(0.5, 0.25, 0.33, 12);
        await graphs.WriteStatsAsync(Model, Layer, [.. neurons.Select(n => new GraphStats(Id(n.Neuron), stats, stats, 0.9, stats, stats, double.NaN, false))], ct);
        await graphs.WriteStoreAsync(Model, Layer, [.. hostile.Distinct(StringComparer.Ordinal).Select(t => new StoreEntry(t, StoreKind.Activating, Layer, 0))], ct);
        await graphs.WriteSimilarAsync(Model, Layer, [new SimilarNeuron(0, 1, Layer, 1, 0.5, 3), new SimilarNeuron(1, 1, Layer, 0, 0.5, 3)], ct);
        return [new Gpt4SectionSource(gpt4), new GraphSectionSource(graphs)];
    }

    private static NeuronId Id(int neuron) => new(Model, Layer, neuron);

    private static Provenance File(string url) => new(url, DateTimeOffset.UnixEpoch, new string('b', 64), 99);

    /// <summary>One explanation per hostile string, one simulation of all of them, related tokens spread over the five lists.</summary>
    private static Gpt4Neuron Gpt4(int neuron, IReadOnlyList<string> hostile)
    {
        var values = hostile.Select((_, i) => i == 1 ? 4.5f : 0.1f * i).ToArray();
        var explanations = hostile.Select((text, i) => new Gpt4Explanation(
            i, text, 0.9 - (0.01 * i), 0.1, 0.2, i == 0 ? [new Gpt4Simulation(0, [.. hostile], values, [.. values.Reverse()], 0.3, 0.1, 0.2)] : [])).ToList();
        var kinds = Enum.GetValues<Gpt4TokenKind>();
        var tokens = hostile.Select((t, i) => new Gpt4RelatedToken(kinds[i % kinds.Length], i / kinds.Length, t, 1.5 - (0.01 * i))).ToList();
        var files = new Dictionary<Gpt4Dataset, Provenance>
        {
            [Gpt4Dataset.Explanations] = File($"https://openaipublic.blob.core.windows.net/neuron-explainer/data/explanations/{Layer}/{neuron}.jsonl"),
            [Gpt4Dataset.RelatedNeurons] = File(ForeignUrl),
            [Gpt4Dataset.RelatedTokensByActivation] = File("\"><script>alert(15)</script>"),
            [Gpt4Dataset.RelatedTokensByWeight] = File("//evil.example/x.jsonl"),
        };
        var related = new[] { new Gpt4RelatedNeuron(Gpt4Direction.Output, true, 0, Layer, 1 - neuron, 0.5) };
        return new Gpt4Neuron(Id(neuron), files, explanations, null, related, tokens);
    }

    /// <summary>A chain of one node per hostile string, the activating token first, each one further back.</summary>
    private static NeuronGraph Graph(int neuron, IReadOnlyList<string> hostile)
    {
        var nodes = hostile.Select((t, i) => new GraphNode(
            i, t, Math.Min(i, 4), i == 0 ? GraphNodeKind.Activating : GraphNodeKind.Context, 0.5, i == hostile.Count - 1, i == 2 ? "\"><script>alert(16)</script>" : "#ff8080")).ToList();
        var edges = Enumerable.Range(1, hostile.Count - 1).Select(i => new GraphEdge(i <= 4 ? i - 1 : 3, i)).ToList();
        return new NeuronGraph(Id(neuron), nodes, edges, "digraph { }", File($"https://example.test/n2g/{Model}/{Layer}/{neuron}.dot"));
    }
}
