using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Corpus.Tests;

public sealed class AtomicityTests : IDisposable
{
    private readonly TempDirectory temp = new("neuronav-corpus");
    private readonly RealisticNeurons generator = new(seed: 3) { TextCount = 3, TokensPerText = 30 };

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Successful_write_leaves_only_part_files_with_one_shared_name()
    {
        var store = new CorpusStore(temp.Path);
        await store.WriteBatchAsync("gpt2-small", 0, [generator.Neuron("gpt2-small", 0, 1)], [Coverage(1)], CancellationToken.None);

        var files = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains("_committed", StringComparison.Ordinal)).ToList();
        var listed = PartList.Load(temp.Path, "gpt2-small", 0).Parts.Select(p => temp.Combine(p.Path)).Order();

        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.Matches(@"^part-\d{19}-[0-9a-f]{8}\.parquet$", Path.GetFileName(f)));
        Assert.Single(files.Select(Path.GetFileName).Distinct());
        Assert.Equal(files.Order(), listed);
    }

    [Fact]
    public async Task Part_names_sort_in_write_order_even_in_quick_succession()
    {
        var store = new CorpusStore(temp.Path);
        var written = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            await store.WriteBatchAsync("gpt2-small", 0, [], [Coverage(i)], CancellationToken.None);
            var dir = temp.Combine("coverage", "model=gpt2-small", "layer=0");
            written.Add(Directory.GetFiles(dir).Select(Path.GetFileName).Except(written).Single()!);
        }

        Assert.Equal(written.Order(StringComparer.Ordinal), written);
    }

    [Fact]
    public async Task Failed_write_removes_its_own_files_and_keeps_old_parts()
    {
        var store = new CorpusStore(temp.Path);
        var old = generator.Neuron("gpt2-small", 0, 1);
        await store.WriteBatchAsync("gpt2-small", 0, [old], [Coverage(1)], CancellationToken.None);
        var before = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories).Order().ToList();
        var coverageDir = temp.Combine("coverage", "model=gpt2-small", "layer=0");
        Directory.Move(coverageDir, coverageDir + ".aside");
        await File.WriteAllTextAsync(coverageDir, "a file where the partition folder should be");

        await Assert.ThrowsAnyAsync<IOException>(() => store.WriteBatchAsync(
            "gpt2-small", 0, [generator.Neuron("gpt2-small", 0, 1), generator.Neuron("gpt2-small", 0, 2)], [Coverage(2)], CancellationToken.None));
        File.Delete(coverageDir);
        Directory.Move(coverageDir + ".aside", coverageDir);

        Assert.Equal(before, Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories).Order());
        NeuronAssert.Equal(old, Assert.Single(await NeuronAssert.ReadLayerAsync(store, "gpt2-small", 0)));
    }

    [Fact]
    public async Task Cancelled_write_leaves_no_file()
    {
        var store = new CorpusStore(temp.Path);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WriteBatchAsync("gpt2-small", 0, [generator.Neuron("gpt2-small", 0, 1)], [], cts.Token));

        Assert.Empty(Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Leftover_temp_files_are_ignored()
    {
        var store = new CorpusStore(temp.Path);
        var neuron = generator.Neuron("gpt2-small", 0, 1);
        await store.WriteBatchAsync("gpt2-small", 0, [neuron], [], CancellationToken.None);
        var dir = temp.Combine("neuroscope_neurons", "model=gpt2-small", "layer=0");
        await File.WriteAllTextAsync(Path.Combine(dir, ".part-9999999999999999999-00000000.parquet.1234.0f0f.tmp"), "half a file");
        Directory.CreateDirectory(temp.Combine("neuroscope_texts", "model=gpt2-small", "layer=4"));
        await File.WriteAllTextAsync(temp.Combine("neuroscope_texts", "model=gpt2-small", "layer=4", ".part-1.parquet.7.tmp"), "x");

        NeuronAssert.Equal(neuron, Assert.Single(await NeuronAssert.ReadLayerAsync(store, "gpt2-small", 0)));
        Assert.Equal([("gpt2-small", 0)], store.Partitions());
    }

    [Fact]
    public async Task Corrupt_part_raises_an_error_naming_the_file_and_deletes_nothing()
    {
        var store = new CorpusStore(temp.Path);
        await store.WriteBatchAsync("gpt2-small", 0, [generator.Neuron("gpt2-small", 0, 1)], [], CancellationToken.None);
        var bad = Directory.GetFiles(temp.Combine("neuroscope_neurons", "model=gpt2-small", "layer=0")).Single();
        await File.WriteAllTextAsync(bad, "PAR1 this is not a parquet file PAR1");

        var ex = await Assert.ThrowsAsync<CorpusException>(() => NeuronAssert.ReadLayerAsync(store, "gpt2-small", 0));

        Assert.Contains(bad, ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(temp.Path, "*.parquet", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Missing_texts_part_is_reported_with_its_path()
    {
        var store = new CorpusStore(temp.Path);
        await store.WriteBatchAsync("gpt2-small", 0, [generator.Neuron("gpt2-small", 0, 1)], [], CancellationToken.None);
        var texts = Directory.GetFiles(temp.Combine("neuroscope_texts", "model=gpt2-small", "layer=0")).Single();
        File.Delete(texts);

        var ex = await Assert.ThrowsAsync<CorpusException>(() => NeuronAssert.ReadLayerAsync(store, "gpt2-small", 0));

        Assert.Contains(texts, ex.Message, StringComparison.Ordinal);
    }

    private static CoverageRow Coverage(int neuron)
        => new("gpt2-small", 0, neuron, "neuroscope", CoverageStatus.Present, null, $"https://neuroscope.io/gpt2-small/0/{neuron}.html", 200, DateTimeOffset.UnixEpoch.AddDays(neuron));
}
