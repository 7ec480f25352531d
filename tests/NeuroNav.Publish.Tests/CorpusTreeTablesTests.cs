using System.Text.Json;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.TestKit;

namespace NeuroNav.Publish.Tests;

/// <summary>The corpus a publish uploads: every table of every source, exactly the listed parts, as the corpus root lists them.</summary>
public sealed class CorpusTreeTablesTests : IDisposable
{
    private const string Model = "gpt2-small";
    private readonly TempDirectory _dir = new("neuronav-corpus-tree");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_corpus_tree_lists_the_GPT4_and_Neuron2Graph_parts_with_their_rows_hashes_and_schema_version()
    {
        var root = CorpusRoot.Open(_dir.Path);
        await root.Gpt4().WriteBatchAsync(Model, 3, [Explained(3, 5)], [Present(3, 5, "gpt4")], CancellationToken.None);
        await root.Neuron2Graph().WriteGraphsAsync(Model, 3, [Graph(3, 5)], CancellationToken.None);
        await root.Neuron2Graph().WriteGraphsAsync(Model, 4, [Graph(4, 1)], CancellationToken.None);
        var stray = Path.Combine(_dir.Path, "n2g_graphs", "model=gpt2-small", "layer=3", "part-0000000000000000001-0badc0de.parquet");
        File.WriteAllBytes(stray, [1, 2, 3]);

        var tree = await CorpusTree.ReadAsync(_dir.Path, "site/", new Uri("https://neuronav.example.org/site/"), CancellationToken.None);
        var layer3 = await CorpusTree.ReadAsync(_dir.Path, "site/", null, CancellationToken.None, (Model, 3, 3));

        using var manifest = JsonDocument.Parse(tree.Manifest);
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        var tables = files.Select(f => f.GetProperty("table").GetString()).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["coverage", "gpt4_activation_records", "gpt4_activation_stats", "gpt4_explanations", "gpt4_files", "gpt4_simulations", "n2g_graph_edges", "n2g_graph_nodes", "n2g_graphs"],
            tables);
        Assert.Equal(tree.Files.Keys.Order(StringComparer.Ordinal), files.Select(f => f.GetProperty("path").GetString()!));
        Assert.DoesNotContain(tree.Files.Keys, p => p.EndsWith("0badc0de.parquet", StringComparison.Ordinal));
        var explanations = files.Single(f => f.GetProperty("table").GetString() == "gpt4_explanations");
        var path = explanations.GetProperty("path").GetString()!;
        Assert.Equal((2L, 1, Model, 3), (explanations.GetProperty("rows").GetInt64(), explanations.GetProperty("schema_version").GetInt32(),
            explanations.GetProperty("model").GetString(), explanations.GetProperty("layer").GetInt32()));
        Assert.Equal("https://neuronav.example.org/site/corpus/" + path, explanations.GetProperty("url").GetString());
        Assert.Equal(Hashing.Sha256Hex(File.ReadAllBytes(Path.Combine(_dir.Path, path))), tree.Files[path].Sha256);
        Assert.All(layer3.Files.Keys, p => Assert.Contains("/layer=3/", p, StringComparison.Ordinal));
        Assert.Equal(tree.Files.Count - 3, layer3.Files.Count); // layer 4's graph, nodes and edges are another partition's
        Assert.True(layer3.Owns("n2g_graphs/model=gpt2-small/layer=3/part-x.parquet"));
        Assert.False(layer3.Owns("n2g_graphs/model=gpt2-small/layer=4/part-x.parquet"));
    }

    [Fact]
    public async Task A_damaged_Neuron2Graph_part_stops_the_corpus_tree_naming_the_file()
    {
        var root = CorpusRoot.Open(_dir.Path);
        await root.Neuron2Graph().WriteGraphsAsync(Model, 0, [Graph(0, 2)], CancellationToken.None);
        var nodes = Directory.GetFiles(Path.Combine(_dir.Path, "n2g_graph_nodes"), "*.parquet", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(nodes);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(nodes, bytes);

        var e = await Assert.ThrowsAsync<PublishException>(() => CorpusTree.ReadAsync(_dir.Path, "", null, CancellationToken.None));

        Assert.Contains(nodes, e.Message, StringComparison.Ordinal);
    }

    private static Gpt4Neuron Explained(int layer, int neuron)
    {
        var file = new Provenance($"https://openaipublic.example/explanations/{layer}/{neuron}.jsonl", DateTimeOffset.UnixEpoch, new string('a', 64), 321);
        return new Gpt4Neuron(
            new NeuronId(Model, layer, neuron),
            new Dictionary<Gpt4Dataset, Provenance> { [Gpt4Dataset.Explanations] = file, [Gpt4Dataset.CollatedActivations] = file },
            [new Gpt4Explanation(0, "years", 0.42, 0.1, 0.2, [new Gpt4Simulation(0, [" 19", "99"], [0f, 3.5f], [0.1f, 2.9f], 0.9, 0.8, 0.7)]), new Gpt4Explanation(1, "dates", 0.3, null, null, [])],
            new Gpt4Activations(0.1, 0.2, 0.3, 0.4, [0.5, 1.5], [new Gpt4ActivationRecord(Gpt4RecordKind.Top, 0, 0, [" 1999"], [4f])]),
            null,
            null);
    }

    private static NeuronGraph Graph(int layer, int neuron) => new(
        new NeuronId(Model, layer, neuron),
        [new GraphNode(0, " 1999", 0, GraphNodeKind.Activating, 0.9, true, "#ff1a1a")],
        [],
        "digraph { 0 [label=\"1999\"] }",
        new Provenance($"https://n2g.example/{layer}_{neuron}/graph", DateTimeOffset.UnixEpoch, new string('b', 64), 30));

    private static CoverageRow Present(int layer, int neuron, string source)
        => new(Model, layer, neuron, source, CoverageStatus.Present, null, $"https://example.test/{source}/{layer}/{neuron}", 200, DateTimeOffset.UnixEpoch);
}
