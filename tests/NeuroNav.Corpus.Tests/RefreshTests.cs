using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Corpus.Tests;

public sealed class RefreshTests : IDisposable
{
    private readonly TempDirectory temp = new("neuronav-corpus");
    private readonly RealisticNeurons generator = new(seed: 11) { TextCount = 5, TokensPerText = 40 };

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Refetched_neurons_are_read_from_the_newest_part_only()
    {
        var store = new CorpusStore(temp.Path);
        var (first, refreshed) = await WriteOverlappingBatchesAsync(store);

        var read = await NeuronAssert.ReadLayerAsync(store, "gpt2-xl", 7);

        AssertNewestWins(first, refreshed, read);
    }

    [Fact]
    public async Task Compaction_keeps_the_newest_copy_and_leaves_one_part_per_table()
    {
        var store = new CorpusStore(temp.Path);
        var (first, refreshed) = await WriteOverlappingBatchesAsync(store);

        await store.CompactAsync("gpt2-xl", 7, CancellationToken.None);
        var read = await NeuronAssert.ReadLayerAsync(store, "gpt2-xl", 7);
        var stats = await store.StatsAsync("gpt2-xl", 7, CancellationToken.None);

        AssertNewestWins(first, refreshed, read);
        Assert.All(stats.Tables.Where(t => t.Table != "coverage"), t => Assert.Equal(1, t.Parts));
        Assert.Equal(10 * 5, stats.Tables.Single(t => t.Table == "neuroscope_texts").Rows);
        Assert.Equal(10, stats.Tables.Single(t => t.Table == "neuroscope_neurons").Rows);
    }

    [Fact]
    public async Task Refreshed_neuron_that_lost_its_texts_reads_as_empty()
    {
        var store = new CorpusStore(temp.Path);
        var before = generator.Neuron("gpt2-xl", 7, 4);
        await store.WriteBatchAsync("gpt2-xl", 7, [before, generator.Neuron("gpt2-xl", 7, 5)], [], CancellationToken.None);
        await store.WriteBatchAsync("gpt2-xl", 7, [before with { Texts = [] }], [], CancellationToken.None);

        var read = await NeuronAssert.ReadLayerAsync(store, "gpt2-xl", 7);

        Assert.Empty(read.Single(n => n.Id.Neuron == 4).Texts);
        Assert.Equal(5, read.Single(n => n.Id.Neuron == 5).Texts.Count);
    }

    private async Task<(List<NeuroscopeNeuron> First, List<NeuroscopeNeuron> Refreshed)> WriteOverlappingBatchesAsync(CorpusStore store)
    {
        var first = Enumerable.Range(0, 8).Select(n => generator.Neuron("gpt2-xl", 7, n)).ToList();
        await store.WriteBatchAsync("gpt2-xl", 7, first, [], CancellationToken.None);
        var refreshed = new[] { 9, 5, 2 }.Select(n => generator.Neuron("gpt2-xl", 7, n)).ToList();
        await store.WriteBatchAsync("gpt2-xl", 7, refreshed, [], CancellationToken.None);
        var tail = new[] { 8 }.Select(n => generator.Neuron("gpt2-xl", 7, n)).ToList();
        await store.WriteBatchAsync("gpt2-xl", 7, tail, [], CancellationToken.None);
        return (first.Concat(tail).ToList(), refreshed);
    }

    private static void AssertNewestWins(List<NeuroscopeNeuron> first, List<NeuroscopeNeuron> refreshed, List<NeuroscopeNeuron> read)
    {
        Assert.Equal(Enumerable.Range(0, 10), read.Select(n => n.Id.Neuron));
        foreach (var n in read)
        {
            var expected = refreshed.FirstOrDefault(r => r.Id == n.Id) ?? first.Single(f => f.Id == n.Id);
            NeuronAssert.Equal(expected, n);
        }
    }
}
