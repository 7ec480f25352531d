using NeuroNav.Core;
using NeuroNav.Corpus.Weights;
using NeuroNav.TestKit;

namespace NeuroNav.Corpus.Tests.Weights;

/// <summary>The weights tables keep every list, text and statistic of a neuron, and a layer's write replaces the layer.</summary>
public sealed class WeightsStoreTests : IDisposable
{
    private const string Model = "gpt2-small";
    private readonly TempDirectory _temp = new("neuronav-weights-store");

    public void Dispose() => _temp.Dispose();

    private static WeightsProvenance Provenance(string sha) => new(
        Model, "openai-community/gpt2", "main", "607a30d783dfa663caf39e06633721c8d4cfcd7e", "gpt2",
        [new("weights", "openai-community/gpt2", "model.safetensors", sha, 548_105_171), new("tokenizer", "openai-community/gpt2", "vocab.json", new string('b', 64), 1_042_301)],
        new DateTimeOffset(2026, 12, 7, 21, 30, 0, TimeSpan.Zero), 1);

    internal static WeightsNeuron Neuron(int layer, int neuron)
    {
        WeightToken T(int id, string text, float v) => new(id + neuron, text, v);
        return new WeightsNeuron(
            new NeuronId(Model, layer, neuron),
            new WeightTokens(
                [T(262, " the", 3.5f), T(13, ".", 2.25f), T(50256, "<|endoftext|>", 1f)],
                [T(11, ",", -4f), T(198, "\n", -1.5f)],
                [T(1001, " caf\u00e9", 0.75f), T(4, "\uFFFD", 0.5f)],
                []),
            new WeightLinks(
                [new(layer + 1, 7, 0.9f), new(layer + 2, 3071, 0.4f)],
                [new(layer + 1, 8, -0.3f)],
                [],
                [new(11, 0, -2f)]),
            new WeightStats(1.5f, 2.5f, -0.125f, 3f + neuron, 4f, 50f, 99.5f));
    }

    [Fact]
    public async Task A_layer_reads_back_every_token_text_link_and_statistic_and_its_provenance()
    {
        var root = CorpusRoot.Open(_temp.Path);
        var neurons = new[] { Neuron(3, 2), Neuron(3, 0), Neuron(3, 1) };
        await root.Weights().WriteLayerAsync(Model, 3, neurons, Provenance(new string('a', 64)), CancellationToken.None);

        var read = await root.Weights().ReadLayerAsync(Model, 3, CancellationToken.None);
        var provenance = await root.Weights().ReadProvenanceAsync(Model, CancellationToken.None);

        Assert.Equal([0, 1, 2], read.Select(n => n.Id.Neuron));
        foreach (var (got, want) in read.Zip(neurons.OrderBy(n => n.Id.Neuron)))
        {
            Assert.Equal(want.Id, got.Id);
            Assert.Equal(want.Tokens.Promoted, got.Tokens.Promoted);
            Assert.Equal(want.Tokens.Suppressed, got.Tokens.Suppressed);
            Assert.Equal(want.Tokens.InputHighest, got.Tokens.InputHighest);
            Assert.Empty(got.Tokens.InputLowest);
            Assert.Equal(want.Links.UpstreamExciting, got.Links.UpstreamExciting);
            Assert.Equal(want.Links.UpstreamInhibiting, got.Links.UpstreamInhibiting);
            Assert.Empty(got.Links.DownstreamExciting);
            Assert.Equal(want.Links.DownstreamInhibiting, got.Links.DownstreamInhibiting);
            Assert.Equal(want.Stats, got.Stats);
        }

        Assert.NotNull(provenance);
        Assert.Equal(("openai-community/gpt2", "main", "607a30d783dfa663caf39e06633721c8d4cfcd7e", "gpt2", 1), (provenance.Repository, provenance.Revision, provenance.Commit, provenance.Layout, provenance.DefinitionsVersion));
        Assert.Equal(Provenance(new string('a', 64)).Files, provenance.Files);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 21, 30, 0, TimeSpan.Zero), provenance.ComputedAt);
        Assert.True(provenance.SameInputs(Provenance(new string('a', 64))));
        Assert.False(provenance.SameInputs(Provenance(new string('c', 64))));
        var coverage = (await root.ReadCoverageAsync(Model, 3, CancellationToken.None)).Where(c => c.Source == "weights").ToList();
        Assert.Equal([0, 1, 2], coverage.Select(c => c.Neuron));
        Assert.All(coverage, c => Assert.Equal(CoverageStatus.Present, c.Status));
    }

    [Fact]
    public async Task A_second_write_of_a_layer_replaces_it_in_one_part_and_the_census_follows()
    {
        var root = CorpusRoot.Open(_temp.Path);
        await root.Weights().WriteLayerAsync(Model, 0, [Neuron(0, 0), Neuron(0, 1), Neuron(0, 2)], Provenance(new string('a', 64)), CancellationToken.None);
        await root.Weights().WriteLayerAsync(Model, 0, [Neuron(0, 5), Neuron(0, 6)], Provenance(new string('c', 64)), CancellationToken.None);

        var parts = (await root.ListedPartsAsync(CancellationToken.None)).Where(p => p.Table.StartsWith("weights_", StringComparison.Ordinal)).ToList();
        var held = (await root.HeldAsync(Model, 0, CancellationToken.None)).Of("weights");

        Assert.Equal(["weights_neurons", "weights_provenance"], parts.Select(p => p.Table).Order(StringComparer.Ordinal));
        Assert.Equal([5, 6], held.Order());
        Assert.Equal([5, 6], (await root.Weights().ReadLayerAsync(Model, 0, CancellationToken.None)).Select(n => n.Id.Neuron));
        Assert.Equal(new string('c', 64), (await root.Weights().ReadProvenanceAsync(Model, CancellationToken.None))!.Files[0].Sha256);
        Assert.Equal([(Model, 0)], root.HeldLayers());
        Assert.Empty((await root.CheckAsync(CancellationToken.None)).Problems);
        Assert.Single(Directory.GetFiles(Path.Combine(_temp.Path, "weights_neurons"), "*.parquet", SearchOption.AllDirectories));
    }
}
