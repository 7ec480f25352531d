using NeuroNav.TestKit;
using Parquet.Schema;

namespace NeuroNav.Corpus.Tests.Tables;

/// <summary>
/// A table of a source the corpus code has never heard of (here: per-neuron effects computed from the model weights),
/// registered with the root by its descriptor alone, is listed, counted, censused, published with its schema version,
/// compacted and swept like every built-in table.
/// </summary>
public sealed class RegisteredTableTests : IDisposable
{
    private const string Model = "pythia-70m";
    private static readonly DataField Neuron = new DataField<int>("neuron");
    private static readonly DataField Effect = new DataField<double>("logit_effect");
    private static readonly CorpusTable Effects = new("weights_effects", "weights", 2, TableCompaction.NewestPart()) { Census = true };

    private readonly TempDirectory _temp = new("neuronav-registered-table");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_registered_table_is_listed_counted_censused_compacted_and_swept_like_the_built_in_ones()
    {
        var root = new CorpusRoot(_temp.Path, CorpusFormat.Default, [.. SourceTables.All, Effects]);
        await WriteAsync(root, 2, [1, 2]);
        await WriteAsync(root, 2, [2, 3]);

        var parts = (await root.ListedPartsAsync(CancellationToken.None)).Where(p => p.Table == Effects.Name).ToList();
        var statsBefore = (await root.StatsAsync(Model, 2, CancellationToken.None)).Of(Effects.Name);
        var heldBefore = (await root.HeldAsync(Model, 2, CancellationToken.None)).Of("weights");
        await root.CompactAsync(Model, 2, CancellationToken.None);
        var statsAfter = (await root.StatsAsync(Model, 2, CancellationToken.None)).Of(Effects.Name);
        var heldAfter = (await root.HeldAsync(Model, 2, CancellationToken.None)).Of("weights");
        var stray = Path.Combine(Path.GetDirectoryName(parts[0].FullPath)!, "part-0000000000000000001-0badc0de.parquet");
        File.Copy(parts[1].FullPath, stray);
        IReadOnlyList<string> removed;
        using (var held = root.Lock("neuronav fetch weights"))
        {
            removed = held.RemovedFiles;
        }

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal((Model, 2, 2, 2L), (p.Model, p.Layer, p.SchemaVersion, p.Rows)));
        Assert.All(parts, p => Assert.Equal($"{Effects.Name}/{PartitionPath.ModelFolder(Model)}/{PartitionPath.LayerFolder(2)}/{Path.GetFileName(p.FullPath)}", p.Path));
        Assert.Equal((2, 4L), (statsBefore.Parts, statsBefore.Rows));
        Assert.Equal([1, 2, 3], heldBefore.Order());
        Assert.Equal((1, 2L), (statsAfter.Parts, statsAfter.Rows)); // a table every write replaces: the newest part stays
        Assert.Equal([2, 3], heldAfter.Order());
        Assert.False(File.Exists(parts[0].FullPath));
        Assert.Equal([stray], removed);
        Assert.Equal([(Model, 2)], root.HeldLayers());
        Assert.Empty((await root.CheckAsync(CancellationToken.None)).Problems);
    }

    [Fact]
    public void A_table_name_that_is_not_a_folder_name_or_is_registered_twice_is_refused_naming_it()
    {
        var badName = Assert.Throws<ArgumentException>(() => new CorpusRoot(_temp.Path, CorpusFormat.Default, [Effects with { Name = "../weights" }]));
        var twice = Assert.Throws<ArgumentException>(() => new CorpusRoot(_temp.Path, CorpusFormat.Default, [.. SourceTables.All, Effects, Effects]));
        var unknown = Assert.Throws<ArgumentException>(() => CorpusRoot.Open(_temp.Path).Table(Effects.Name));

        Assert.Contains("'../weights'", badName.Message, StringComparison.Ordinal);
        Assert.Contains("weights_effects is registered twice", twice.Message, StringComparison.Ordinal);
        Assert.Contains("weights_effects is not a table of the corpus", unknown.Message, StringComparison.Ordinal);
    }

    private static async Task WriteAsync(CorpusRoot root, int layer, int[] neurons)
    {
        var ct = CancellationToken.None;
        using var batch = await PartBatch.BeginAsync(root, Model, layer, ct);
        await batch.WriteAsync(Effects.Name, batch.NewName([Effects.Name]), new ParquetSchema(Neuron, Effect), root.Format.WriterOptions([], [Effect], [Neuron]), async writer =>
        {
            using var rg = writer.CreateRowGroup();
            await rg.WriteAsync<int>(Neuron, neurons, null, null, ct);
            await rg.WriteAsync<double>(Effect, neurons.Select(n => n * 0.5).ToArray(), null, null, ct);
        }, ct);
        await batch.CommitAsync(ct);
    }
}
