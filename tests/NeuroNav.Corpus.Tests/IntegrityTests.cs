using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.TestKit;

namespace NeuroNav.Corpus.Tests;

/// <summary>Damage a user or a crash can do to a corpus, each caught by the part lists or made harmless by them.</summary>
public sealed class IntegrityTests : IDisposable
{
    private const string Model = "gpt2-small";
    private readonly TempDirectory temp = new("neuronav-integrity");
    private readonly RealisticNeurons generator = new(seed: 11) { TextCount = 4, TokensPerText = 40 };

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Deleted_newest_neurons_part_stops_the_reader_naming_the_file_and_fails_the_check()
    {
        var store = await TwoBatchesAsync(0);
        var newest = Parts(NeuroscopeTables.Neurons, 0)[^1];
        File.Delete(newest);

        var read = await Assert.ThrowsAsync<CorpusException>(() => NeuronAssert.ReadLayerAsync(store, Model, 0));
        var stored = await Assert.ThrowsAsync<CorpusException>(() => store.StoredNeuronsAsync(Model, 0, CancellationToken.None));
        var (problems, _) = await CorpusRoot.Open(temp.Path).CheckAsync(CancellationToken.None);

        Assert.Contains(newest, read.Message, StringComparison.Ordinal);
        Assert.Contains("missing", read.Message, StringComparison.Ordinal);
        Assert.Contains(newest, stored.Message, StringComparison.Ordinal);
        Assert.Equal(newest, Assert.Single(problems).File);
    }

    [Fact]
    public async Task One_flipped_byte_inside_a_texts_part_stops_the_reader_naming_the_file()
    {
        var store = await TwoBatchesAsync(0);
        var texts = Parts(NeuroscopeTables.Texts, 0)[0];
        FlipByte(texts);

        var read = await Assert.ThrowsAsync<CorpusException>(() => NeuronAssert.ReadLayerAsync(store, Model, 0));
        var (problems, parts) = await CorpusRoot.Open(temp.Path).CheckAsync(CancellationToken.None);

        Assert.Contains(texts, read.Message, StringComparison.Ordinal);
        Assert.Contains("sha256", read.Message, StringComparison.Ordinal);
        Assert.Equal(6, parts);
        Assert.Equal(texts, Assert.Single(problems).File);
    }

    [Fact]
    public async Task Layer_3_part_copied_into_layer_0_is_never_read_as_layer_0_and_is_removed_by_the_next_writer()
    {
        var store = await TwoBatchesAsync(0);
        var layer0 = await NeuronAssert.ReadLayerAsync(store, Model, 0);
        await store.WriteBatchAsync(Model, 3, [generator.Neuron(Model, 3, 40), generator.Neuron(Model, 3, 41)], [], CancellationToken.None);
        var copies = new[] { NeuroscopeTables.Texts, NeuroscopeTables.Neurons }
            .Select(t => (From: Parts(t, 3)[0], To: Path.Combine(Dir(t, 0), Path.GetFileName(Parts(t, 3)[0])))).ToList();
        copies.ForEach(c => File.Copy(c.From, c.To));

        var read = await NeuronAssert.ReadLayerAsync(store, Model, 0);
        var (problems, _) = await CorpusRoot.Open(temp.Path).CheckAsync(CancellationToken.None);
        using (var writer = CorpusLock.Acquire(temp.Path, "test"))
        {
            Assert.Equal(copies.Select(c => c.To).Order(), writer.RemovedFiles.Order());
        }

        Assert.Equal(layer0.Select(n => n.Id), read.Select(n => n.Id));
        Assert.Equal(copies.Select(c => c.To).Order(), problems.Select(p => p.File).Order());
        Assert.All(copies, c => Assert.False(File.Exists(c.To)));
        Assert.Empty((await CorpusRoot.Open(temp.Path).CheckAsync(CancellationToken.None)).Problems);
    }

    [Fact]
    public async Task Misfiled_part_entered_in_the_list_stops_the_reader_by_its_own_metadata()
    {
        var store = await TwoBatchesAsync(0);
        await store.WriteBatchAsync(Model, 3, [generator.Neuron(Model, 3, 40)], [], CancellationToken.None);
        var from = Parts(NeuroscopeTables.Neurons, 3)[0];
        var to = Path.Combine(Dir(NeuroscopeTables.Neurons, 0), Path.GetFileName(from));
        File.Copy(from, to);
        var entry = PartList.Load(temp.Path, Model, 3).Parts.Single(p => p.Table == NeuroscopeTables.Neurons);
        await PartList.CommitAsync(temp.Path, Model, 0, [entry with { Path = PartList.Relative(temp.Path, to), Layer = 0 }], [], CancellationToken.None);

        var read = await Assert.ThrowsAsync<CorpusException>(() => NeuronAssert.ReadLayerAsync(store, Model, 0));
        var (problems, _) = await CorpusRoot.Open(temp.Path).CheckAsync(CancellationToken.None);

        Assert.Contains(to, read.Message, StringComparison.Ordinal);
        Assert.Contains("misfiled", read.Message, StringComparison.Ordinal);
        Assert.Contains("layer 3", read.Message, StringComparison.Ordinal);
        Assert.Equal(to, Assert.Single(problems).File);
    }

    [Theory]
    [InlineData("Written")]
    [InlineData("Committed")]
    [InlineData("DeletingOld")]
    public async Task Compaction_killed_at_each_step_of_its_commit_leaves_exactly_one_copy_of_every_neuron(string step)
    {
        var killedAt = Enum.Parse<Compactor.Step>(step);
        var store = new CorpusStore(temp.Path);
        foreach (var batch in new[] { new[] { 0, 1 }, [2], [3] })
        {
            await store.WriteBatchAsync(Model, 0, [.. batch.Select(n => generator.Neuron(Model, 0, n))], [Coverage(0, batch[0])], CancellationToken.None);
        }

        var expected = await NeuronAssert.ReadLayerAsync(store, Model, 0);
        var crashed = temp.Combine("crashed");

        // What a kill at this point leaves on disk: a copy of the folder taken while the compaction waits there.
        await store.CompactAsync(Model, 0, reached =>
        {
            if (reached == killedAt)
            {
                CopyFolder(temp.Path, crashed);
            }

            return Task.CompletedTask;
        }, CancellationToken.None);
        var after = new CorpusStore(crashed);
        var read = await NeuronAssert.ReadLayerAsync(after, Model, 0);
        var listedTexts = Query("SELECT count(*), count(DISTINCT neuron) FROM read_parquet(getvariable('files'), hive_partitioning = true)", CommittedFiles(crashed, NeuroscopeTables.Texts));
        using (CorpusLock.Acquire(crashed, "test"))
        {
        }

        Assert.Equal(expected.Count, read.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            NeuronAssert.Equal(expected[i], read[i]);
        }

        Assert.Equal([$"{expected.Count * 4}|{expected.Count}"], listedTexts);
        Assert.Equal([$"{expected.Count * 4}|{expected.Count}"], Query($"SELECT count(*), count(DISTINCT neuron) FROM read_parquet('{Glob(crashed, NeuroscopeTables.Texts)}', hive_partitioning = true)"));
        Assert.Empty((await CorpusRoot.Open(crashed).CheckAsync(CancellationToken.None)).Problems);
    }

    [Fact]
    public async Task Batch_killed_before_its_commit_is_invisible_to_readers_and_removed_by_the_next_writer()
    {
        var store = await TwoBatchesAsync(0);
        var expected = await NeuronAssert.ReadLayerAsync(store, Model, 0);
        var rows = Query($"SELECT count(*) FROM read_parquet('{Glob(temp.Path, NeuroscopeTables.Neurons)}', hive_partitioning = true)");
        var name = "part-9999999999999999998-0badf00d.parquet";
        var leftovers = new[] { NeuroscopeTables.Texts, NeuroscopeTables.Neurons }.Select(t => Path.Combine(Dir(t, 0), name)).ToList();
        File.Copy(Parts(NeuroscopeTables.Texts, 0)[0], leftovers[0]);
        File.Copy(Parts(NeuroscopeTables.Neurons, 0)[0], leftovers[1]);

        var read = await NeuronAssert.ReadLayerAsync(store, Model, 0);
        var documented = Query("SELECT count(*) FROM read_parquet(getvariable('files'), hive_partitioning = true)", CommittedFiles(temp.Path, NeuroscopeTables.Neurons));
        var glob = Query($"SELECT count(*) FROM read_parquet('{Glob(temp.Path, NeuroscopeTables.Neurons)}', hive_partitioning = true)");
        using (var writer = CorpusLock.Acquire(temp.Path, "test"))
        {
            Assert.Equal(leftovers.Order(), writer.RemovedFiles.Order());
        }

        Assert.Equal(expected.Select(n => n.Id), read.Select(n => n.Id));
        Assert.Equal(rows, documented);
        Assert.NotEqual(rows, glob);
        Assert.Equal(rows, Query($"SELECT count(*) FROM read_parquet('{Glob(temp.Path, NeuroscopeTables.Neurons)}', hive_partitioning = true)"));
    }

    [Fact]
    public async Task Corpus_written_before_part_lists_is_refused_until_a_writer_adopts_it()
    {
        var store = await TwoBatchesAsync(0);
        var expected = await NeuronAssert.ReadLayerAsync(store, Model, 0);
        Directory.Delete(temp.Combine(PartList.Folder), recursive: true);

        var refused = Assert.Throws<CorpusException>(store.Partitions);
        var (problems, _) = await CorpusRoot.Open(temp.Path).CheckAsync(CancellationToken.None);
        int adopted;
        using (var writer = CorpusLock.Acquire(temp.Path, "test"))
        {
            adopted = writer.AdoptedParts;
        }

        Assert.Contains("neuronav compact", refused.Message, StringComparison.Ordinal);
        Assert.Single(problems);
        Assert.Equal(6, adopted);
        Assert.Equal([(Model, 0)], store.Partitions());
        Assert.Equal(expected.Select(n => n.Id), (await NeuronAssert.ReadLayerAsync(store, Model, 0)).Select(n => n.Id));
        Assert.Empty((await CorpusRoot.Open(temp.Path).CheckAsync(CancellationToken.None)).Problems);
    }

    [Fact]
    public async Task Damaged_GPT4_and_Neuron2Graph_parts_stop_their_readers_naming_the_file()
    {
        var gpt4 = new Gpt4Store(temp.Path);
        await gpt4.WriteBatchAsync(Model, 2, [Gpt4.Gpt4StoreTests.Neuron(Model, 2, 7, "commas", 0.4)], [], CancellationToken.None);
        var graphs = new GraphCorpus(temp.Path, CorpusFormat.Default);
        var id = new NeuronId(Model, 2, 7);
        var provenance = new Provenance("https://example.test/n2g/7.dot", DateTimeOffset.UnixEpoch, new string('b', 64), 10);
        await graphs.WriteGraphsAsync(Model, 2, [new NeuronGraph(id, [new GraphNode(0, " the", 0, GraphNodeKind.Activating, 1, true, "#ff0000")], [], "digraph { }", provenance)], CancellationToken.None);
        await graphs.WriteStatsAsync(Model, 2, [new GraphStats(id, null, null, 0.9, null, null, 0.5, false)], CancellationToken.None);
        Assert.Single(await gpt4.ReadLayerAsync(Model, 2, null, CancellationToken.None));
        Assert.Single(await graphs.ReadGraphsAsync(Model, 2, CancellationToken.None));

        var explanations = Parts(Gpt4Tables.Explanations, 2)[0];
        FlipByte(explanations);
        var graphPart = Parts(GraphTables.Graphs, 2)[0];
        File.Delete(graphPart);
        var stats = Parts(GraphTables.Stats, 2)[0];
        File.AppendAllText(stats, "x");

        var gpt4Error = await Assert.ThrowsAsync<CorpusException>(() => gpt4.ReadLayerAsync(Model, 2, null, CancellationToken.None));
        var graphError = await Assert.ThrowsAsync<CorpusException>(() => graphs.ReadGraphsAsync(Model, 2, CancellationToken.None));
        var statsError = await Assert.ThrowsAsync<CorpusException>(() => graphs.ReadStatsAsync(Model, 2, CancellationToken.None));
        var (problems, _) = await CorpusRoot.Open(temp.Path).CheckAsync(CancellationToken.None);

        Assert.Contains(explanations, gpt4Error.Message, StringComparison.Ordinal);
        Assert.Contains(graphPart, graphError.Message, StringComparison.Ordinal);
        Assert.Contains(stats, statsError.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { explanations, graphPart, stats }.Order(), problems.Select(p => p.File).Order());
    }

    [Fact]
    public async Task Every_part_says_its_table_model_and_layer_and_the_list_has_its_rows_bytes_and_hash()
    {
        await TwoBatchesAsync(5);

        var list = PartList.Load(temp.Path, Model, 5);

        Assert.Equal(2, list.Commit);
        Assert.Equal(6, list.Parts.Count);
        foreach (var part in list.Parts)
        {
            var file = temp.Combine(part.Path);
            Assert.Equal(new FileInfo(file).Length, part.Bytes);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))), part.Sha256);
            Assert.Equal([$"{part.Table}|{Model}|5|{part.Rows}"], Query(
                $"SELECT (SELECT decode(value) FROM parquet_kv_metadata('{file}') WHERE decode(key) = 'neuronav.table'), " +
                $"(SELECT decode(value) FROM parquet_kv_metadata('{file}') WHERE decode(key) = 'neuronav.model'), " +
                $"(SELECT decode(value) FROM parquet_kv_metadata('{file}') WHERE decode(key) = 'neuronav.layer'), " +
                $"(SELECT num_rows FROM parquet_file_metadata('{file}'))"));
        }
    }

    /// <summary>The file list a DuckDB user builds from the part lists, as the corpus README documents it; read it with getvariable('files').</summary>
    internal static string CommittedFiles(string root, string table)
    {
        var r = root.Replace('\\', '/');
        return $"SET VARIABLE files = (SELECT list('{r}/' || p.path ORDER BY p.path) FROM (SELECT unnest(parts) AS p FROM read_json('{r}/_committed/*/*.json')) WHERE p.\"table\" = '{table}')";
    }

    internal static List<string> Query(string sql, string? setup = null)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        if (setup is not null)
        {
            using var set = connection.CreateCommand();
            set.CommandText = setup;
            set.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static string Glob(string root, string table) => root.Replace('\\', '/') + "/" + table + "/**/*.parquet";

    private static void FlipByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(to, StringComparison.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private async Task<CorpusStore> TwoBatchesAsync(int layer)
    {
        var store = new CorpusStore(temp.Path);
        await store.WriteBatchAsync(Model, layer, [generator.Neuron(Model, layer, 0), generator.Neuron(Model, layer, 1)], [Coverage(layer, 0)], CancellationToken.None);
        await store.WriteBatchAsync(Model, layer, [generator.Neuron(Model, layer, 1), generator.Neuron(Model, layer, 2)], [Coverage(layer, 2)], CancellationToken.None);
        return store;
    }

    private string Dir(string table, int layer) => CorpusLayout.PartitionDir(temp.Path, table, Model, layer);

    private List<string> Parts(string table, int layer) => [.. CorpusLayout.Parts(Dir(table, layer))];

    private static CoverageRow Coverage(int layer, int neuron)
        => new(Model, layer, neuron, "neuroscope", CoverageStatus.Present, null, $"https://neuroscope.io/{Model}/{layer}/{neuron}.html", 200, DateTimeOffset.UnixEpoch.AddDays(neuron));
}
