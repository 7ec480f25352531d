using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Corpus.Tests;

public sealed class RoundTripTests : IDisposable
{
    private readonly TempDirectory temp = new("neuronav-corpus");
    private readonly RealisticNeurons generator = new() { TextCount = 20, TokensPerText = 64 };

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Realistic_neurons_come_back_identical_and_ascending()
    {
        var store = new CorpusStore(temp.Path);
        var written = new[] { 40, 3, 17 }.Select(n => generator.Neuron("gpt2-small", 5, n)).ToList();
        await store.WriteBatchAsync("gpt2-small", 5, written, [], CancellationToken.None);

        var read = await NeuronAssert.ReadLayerAsync(store, "gpt2-small", 5);

        Assert.Equal([3, 17, 40], read.Select(n => n.Id.Neuron));
        foreach (var n in read)
        {
            NeuronAssert.Equal(written.Single(w => w.Id == n.Id), n);
        }
    }

    [Fact]
    public async Task Edge_case_tokens_and_values_survive_exactly()
    {
        var store = new CorpusStore(temp.Path);
        var tokens = new[] { "<|endoftext|>", "", " caf\u00e9", "\ud83d\ude00", "</script>", "\"\n", "\ufffd", " \\", "\u007f", "" };
        var values = new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0.0f, 0.0f, 1e-06f, -2e-05f, 2.875234f, float.MaxValue, -0.169971f };
        var odd = new NeuroscopeNeuron(
            new NeuronId("solu-1l", 0, 37), -0.0429, 0.0429, null,
            [
                new NeuroscopeText(1, float.NaN, float.NegativeInfinity, 0, "Python Code", 9, tokens, values),
                new NeuroscopeText(0, -0.0f, -0.0429f, long.MaxValue, "", 0, [], []),
            ],
            new Provenance("https://neuroscope.io/solu-1l/0/37.html", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new string('a', 64), 0));
        var empty = generator.Neuron("solu-1l", 0, 2) with { Texts = [] };

        await store.WriteBatchAsync("solu-1l", 0, [odd, empty], [], CancellationToken.None);
        var read = await NeuronAssert.ReadLayerAsync(store, "solu-1l", 0);

        Assert.Equal(2, read.Count);
        NeuronAssert.Equal(empty, read[0]);
        NeuronAssert.Equal(odd, read[1]);
    }

    [Fact]
    public async Task Many_row_groups_stream_in_order_after_compaction()
    {
        var store = new CorpusStore(temp.Path, CorpusFormat.Default with { RowGroupTokens = 3_000 });
        var written = Enumerable.Range(0, 12).Select(n => generator.Neuron("pythia-70m", 1, n)).ToList();
        await store.WriteBatchAsync("pythia-70m", 1, written[..6], [], CancellationToken.None);
        await store.WriteBatchAsync("pythia-70m", 1, written[6..], [], CancellationToken.None);

        await store.CompactAsync("pythia-70m", 1, CancellationToken.None);
        var read = await NeuronAssert.ReadLayerAsync(store, "pythia-70m", 1);
        var stats = await store.StatsAsync("pythia-70m", 1, CancellationToken.None);

        Assert.Equal(12, read.Count);
        foreach (var (w, r) in written.Zip(read))
        {
            NeuronAssert.Equal(w, r);
        }

        Assert.All(stats.Tables.Where(t => t.Table != "coverage"), t => Assert.Equal(1, t.Parts));
        Assert.Equal(12 * 20, stats.Tables.Single(t => t.Table == "neuroscope_texts").Rows);
    }

    [Fact]
    public async Task Stopping_early_releases_the_layer_while_a_row_group_is_read_ahead()
    {
        var store = new CorpusStore(temp.Path, CorpusFormat.Default with { RowGroupTokens = 1_000 });
        await store.WriteBatchAsync("pythia-70m", 2, [.. Enumerable.Range(0, 6).Select(n => generator.Neuron("pythia-70m", 2, n))], [], CancellationToken.None);
        await store.WriteBatchAsync("pythia-70m", 2, [generator.Neuron("pythia-70m", 2, 6)], [], CancellationToken.None);
        await store.CompactAsync("pythia-70m", 2, CancellationToken.None);

        await foreach (var n in store.ReadLayerAsync("pythia-70m", 2, CancellationToken.None))
        {
            Assert.Equal(0, n.Id.Neuron);
            break;
        }

        await store.WriteBatchAsync("pythia-70m", 2, [generator.Neuron("pythia-70m", 2, 0)], [], CancellationToken.None);
        await store.CompactAsync("pythia-70m", 2, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 7), (await NeuronAssert.ReadLayerAsync(store, "pythia-70m", 2)).Select(n => n.Id.Neuron));
    }

    [Fact]
    public async Task Stored_neurons_come_from_every_neurons_part()
    {
        var store = new CorpusStore(temp.Path);
        await store.WriteBatchAsync("gelu-1l", 0, [generator.Neuron("gelu-1l", 0, 8)], [], CancellationToken.None);
        await store.WriteBatchAsync("gelu-1l", 0, [generator.Neuron("gelu-1l", 0, 1), generator.Neuron("gelu-1l", 0, 8)], [], CancellationToken.None);

        var stored = await store.StoredNeuronsAsync("gelu-1l", 0, CancellationToken.None);

        Assert.Equal([1, 8], stored.Order());
        Assert.Empty(await store.StoredNeuronsAsync("gelu-1l", 1, CancellationToken.None));
    }

    [Fact]
    public async Task Batch_with_neuron_of_another_layer_is_rejected_naming_it()
    {
        var store = new CorpusStore(temp.Path);
        var stray = generator.Neuron("gpt2-small", 4, 12);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteBatchAsync("gpt2-small", 5, [stray], [], CancellationToken.None));

        Assert.Contains("gpt2-small/4/12", ex.Message, StringComparison.Ordinal);
        Assert.Empty(store.Partitions());
    }
}
