using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.TestKit;
using static NeuroNav.Corpus.Tests.Tables.SourceRows;

namespace NeuroNav.Corpus.Tests.Tables;

/// <summary>
/// <c>compact</c>, the stale-file sweep and the statistics reach the GPT-4 and Neuron2Graph tables through the corpus root,
/// as they reach Neuroscope's: a refetched layer compacts to one part per table and reads back exactly what it read before.
/// </summary>
public sealed class EveryTableTests : IDisposable
{
    private readonly TempDirectory _temp = new("neuronav-every-table");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Compact_leaves_one_part_per_GPT4_table_and_the_newest_copy_of_each_refetched_neuron()
    {
        var root = CorpusRoot.Open(_temp.Path);
        var gpt4 = root.Gpt4();
        await gpt4.WriteBatchAsync(Model, 3, [Gpt4Neuron(3, 1, "old guess", 0.1), Gpt4Neuron(3, 2, "kept", 0.2)],
            [Coverage(3, 1, "gpt4", CoverageStatus.Present, 1), Coverage(3, 2, "gpt4", CoverageStatus.Present, 1), Coverage(3, 4, "gpt4", CoverageStatus.MissingUpstream, 1)], CancellationToken.None);
        await gpt4.WriteBatchAsync(Model, 3, [Gpt4Neuron(3, 1, "refetched", 0.3), Gpt4Neuron(3, 5, "new neuron", null)],
            [Coverage(3, 1, "gpt4", CoverageStatus.Present, 2), Coverage(3, 5, "gpt4", CoverageStatus.Present, 2)], CancellationToken.None);
        var before = Describe(await gpt4.ReadLayerAsync(Model, 3, null, CancellationToken.None));
        var coverageBefore = await root.ReadCoverageAsync(Model, 3, CancellationToken.None);
        Assert.Equal(2, (await root.StatsAsync(Model, 3, CancellationToken.None)).Of(Gpt4Tables.Explanations).Parts);

        await root.CompactAsync(Model, 3, CancellationToken.None);

        var stats = await root.StatsAsync(Model, 3, CancellationToken.None);
        Assert.Equal(before, Describe(await gpt4.ReadLayerAsync(Model, 3, null, CancellationToken.None)));
        Assert.Contains("refetched", before, StringComparison.Ordinal);
        Assert.DoesNotContain("old guess", before, StringComparison.Ordinal);
        Assert.Equal(coverageBefore, await root.ReadCoverageAsync(Model, 3, CancellationToken.None));
        Assert.Equal([.. Gpt4Tables.DataTables.Append("coverage").Order()], stats.Tables.Select(t => t.Table).Order());
        Assert.All(stats.Tables, t => Assert.Equal(1, t.Parts));
        Assert.Equal(3 * 2, stats.Of(Gpt4Tables.Explanations).Rows); // three neurons, two explanations each: the old copy is gone
        Assert.Equal(4, stats.Of("coverage").Rows);
        Assert.All(Gpt4Tables.DataTables, t => Assert.Single(Directory.GetFiles(Path.Combine(_temp.Path, t), "*.parquet", SearchOption.AllDirectories)));
        Assert.Empty((await root.CheckAsync(CancellationToken.None)).Problems);
    }

    [Fact]
    public async Task Compact_leaves_one_part_per_Neuron2Graph_table_with_the_newest_graph_stats_store_and_similar_neurons()
    {
        var root = CorpusRoot.Open(_temp.Path);
        var graphs = root.Neuron2Graph();
        await graphs.WriteGraphsAsync(Model, 0, [Graph(0, 1, " the"), Graph(0, 2, " cat")], CancellationToken.None);
        await graphs.WriteGraphsAsync(Model, 0, [Graph(0, 1, " then")], CancellationToken.None);
        await graphs.WriteStatsAsync(Model, 0, [Stats(0, 1, 0.4), Stats(0, 2, 0.5)], CancellationToken.None);
        await graphs.WriteStatsAsync(Model, 0, [Stats(0, 2, 0.75)], CancellationToken.None);
        await graphs.WriteStoreAsync(Model, 0, [Store(0, " the", 1)], CancellationToken.None);
        await graphs.WriteStoreAsync(Model, 0, [Store(0, " then", 1), Store(0, " cat", 2)], CancellationToken.None);
        await graphs.WriteSimilarAsync(Model, 0, [Similar(1, 2, 0.2)], CancellationToken.None);
        await graphs.WriteSimilarAsync(Model, 0, [Similar(1, 2, 0.5), Similar(2, 1, 0.5)], CancellationToken.None);
        var graphsBefore = Describe(await graphs.ReadGraphsAsync(Model, 0, CancellationToken.None));
        var statsBefore = Describe(await graphs.ReadStatsAsync(Model, 0, CancellationToken.None));

        await root.CompactAsync(Model, 0, CancellationToken.None);

        var stats = await root.StatsAsync(Model, 0, CancellationToken.None);
        Assert.Equal(graphsBefore, Describe(await graphs.ReadGraphsAsync(Model, 0, CancellationToken.None)));
        Assert.Contains("then", graphsBefore, StringComparison.Ordinal);
        Assert.Equal(statsBefore, Describe(await graphs.ReadStatsAsync(Model, 0, CancellationToken.None)));
        Assert.Equal([Store(0, " then", 1), Store(0, " cat", 2)], await graphs.ReadStoreAsync(Model, 0, CancellationToken.None));
        Assert.Equal([Similar(1, 2, 0.5), Similar(2, 1, 0.5)], await graphs.ReadSimilarAsync(Model, 0, CancellationToken.None));
        Assert.Equal(
            [GraphTables.Edges, GraphTables.Nodes, GraphTables.Graphs, GraphTables.Store, GraphTables.Similar, GraphTables.Stats],
            stats.Tables.Select(t => t.Table).Order(StringComparer.Ordinal));
        Assert.All(stats.Tables, t => Assert.Equal(1, t.Parts));
        Assert.Equal((2, 4, 2, 2, 2, 2), (stats.Of(GraphTables.Graphs).Rows, stats.Of(GraphTables.Nodes).Rows, stats.Of(GraphTables.Edges).Rows,
            stats.Of(GraphTables.Stats).Rows, stats.Of(GraphTables.Store).Rows, stats.Of(GraphTables.Similar).Rows));
        Assert.Empty((await root.CheckAsync(CancellationToken.None)).Problems);
    }

    [Fact]
    public async Task Compacting_a_compacted_layer_changes_nothing()
    {
        var root = CorpusRoot.Open(_temp.Path);
        await root.Gpt4().WriteBatchAsync(Model, 1, [Gpt4Neuron(1, 1, "a", 0.1)], [], CancellationToken.None);
        await root.Gpt4().WriteBatchAsync(Model, 1, [Gpt4Neuron(1, 1, "b", 0.2)], [], CancellationToken.None);
        await root.Neuron2Graph().WriteGraphsAsync(Model, 1, [Graph(1, 1, " a")], CancellationToken.None);
        await root.CompactAsync(Model, 1, CancellationToken.None);
        var list = File.ReadAllBytes(ListPath(1));

        await root.CompactAsync(Model, 1, CancellationToken.None);

        Assert.Equal(list, File.ReadAllBytes(ListPath(1)));
    }

    [Fact]
    public async Task Taking_the_lock_sweeps_unlisted_GPT4_and_Neuron2Graph_parts_and_keeps_the_listed_ones()
    {
        var root = CorpusRoot.Open(_temp.Path);
        await root.Gpt4().WriteBatchAsync(Model, 2, [Gpt4Neuron(2, 7, "commas", 0.4)], [], CancellationToken.None);
        await root.Neuron2Graph().WriteGraphsAsync(Model, 2, [Graph(2, 7, " ,")], CancellationToken.None);
        var listed = Directory.GetFiles(_temp.Path, "*.parquet", SearchOption.AllDirectories).Order().ToList();
        var strays = new[]
        {
            Stray(Gpt4Tables.Simulations, "part-0000000000000000001-0badc0de.parquet"),
            Stray(GraphTables.Nodes, "part-0000000000000000001-0badc0de.parquet"),
            Stray(GraphTables.Edges, "part-9999999999999999999-0badc0de.parquet"),
        };
        var reported = (await root.CheckAsync(CancellationToken.None)).Problems.Select(p => p.File).Order();

        IReadOnlyList<string> removed;
        using (var held = root.Lock("neuronav fetch neuron2graph"))
        {
            removed = held.RemovedFiles;
        }

        Assert.Equal(strays.Order(), reported);
        Assert.Equal(strays.Order(), removed.Order());
        Assert.Equal(listed, Directory.GetFiles(_temp.Path, "*.parquet", SearchOption.AllDirectories).Order());
        Assert.Single(await root.Gpt4().ReadLayerAsync(Model, 2, null, CancellationToken.None));
        Assert.Single(await root.Neuron2Graph().ReadGraphsAsync(Model, 2, CancellationToken.None));

        string Stray(string table, string name)
        {
            var from = Directory.GetFiles(Path.Combine(_temp.Path, table), "*.parquet", SearchOption.AllDirectories)[0];
            var to = Path.Combine(Path.GetDirectoryName(from)!, name);
            File.Copy(from, to);
            return to;
        }
    }

    [Fact]
    public async Task Stats_count_the_rows_of_every_GPT4_and_Neuron2Graph_table_from_the_part_list()
    {
        var root = CorpusRoot.Open(_temp.Path);
        await root.Neuroscope().WriteBatchAsync(Model, 4, [], [Coverage(4, 9, "neuroscope", CoverageStatus.MissingUpstream, 1)], CancellationToken.None);
        await root.Gpt4().WriteBatchAsync(Model, 4, [Gpt4Neuron(4, 1, "x", 0.1), Gpt4Neuron(4, 2, "y", 0.2)], [Coverage(4, 1, "gpt4", CoverageStatus.Present, 1)], CancellationToken.None);
        await root.Neuron2Graph().WriteGraphsAsync(Model, 4, [Graph(4, 1, " x")], CancellationToken.None);
        await root.Neuron2Graph().WriteStoreAsync(Model, 4, [Store(4, " x", 1), Store(4, " y", 2), Store(4, " z", 2)], CancellationToken.None);

        var stats = await root.StatsAsync(Model, 4, CancellationToken.None);

        // Each GPT-4 neuron of the fixture: 4 files, 2 explanations, 2 scored sequences, 1 stats row, 4 records, 2 related neurons, 2 related tokens.
        Assert.Equal(
            [("coverage", 2L), (Gpt4Tables.Explanations, 4), (Gpt4Tables.Simulations, 4), (Gpt4Tables.ActivationStats, 2), (Gpt4Tables.ActivationRecords, 8),
             (Gpt4Tables.RelatedNeurons, 4), (Gpt4Tables.RelatedTokens, 4), (Gpt4Tables.Files, 8), (GraphTables.Graphs, 1), (GraphTables.Nodes, 2), (GraphTables.Edges, 1), (GraphTables.Store, 3)],
            stats.Tables.Select(t => (t.Table, t.Rows)));
        Assert.Equal(stats.Tables.Sum(t => t.Bytes), Directory.GetFiles(_temp.Path, "*.parquet", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
    }

    [Fact]
    public async Task The_census_counts_each_source_from_its_census_table()
    {
        var root = CorpusRoot.Open(_temp.Path);
        await root.Gpt4().WriteBatchAsync(Model, 5, [Gpt4Neuron(5, 1, "x", 0.1)], [], CancellationToken.None);
        await root.Neuron2Graph().WriteGraphsAsync(Model, 5, [Graph(5, 2, " y"), Graph(5, 3, " z")], CancellationToken.None);
        await root.Neuron2Graph().WriteStoreAsync(Model, 6, [Store(6, " y", 8)], CancellationToken.None);

        var held = await root.HeldAsync(Model, 5, CancellationToken.None);

        Assert.Equal([1], held.Of(SourceInfo.Gpt4.Id));
        Assert.Equal([2, 3], held.Of(SourceInfo.Neuron2Graph.Id).Order());
        Assert.Empty(held.Of(SourceInfo.Neuroscope.Id));
        Assert.Equal([1, 2, 3], held.All.Order());
        Assert.Equal([(Model, 5)], root.HeldLayers()); // layer 6 holds only a neuron store: no neuron has data there
        Assert.Equal([(Model, 5), (Model, 6)], root.Partitions());
    }

    private string ListPath(int layer) => Path.Combine(_temp.Path, "_committed", PartitionPath.ModelFolder(Model), PartitionPath.LayerFolder(layer) + ".json");
}
