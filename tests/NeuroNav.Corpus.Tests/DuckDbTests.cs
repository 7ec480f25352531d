using System.Globalization;
using DuckDB.NET.Data;
using NeuroNav.TestKit;

namespace NeuroNav.Corpus.Tests;

/// <summary>An independent engine reads the corpus as any user would: DuckDB with hive partitioning.</summary>
public sealed class DuckDbTests : IDisposable
{
    private readonly TempDirectory temp = new("neuronav-corpus");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task DuckDB_reads_texts_with_model_and_layer_from_the_path()
    {
        var generator = new RealisticNeurons(seed: 5) { TextCount = 4, TokensPerText = 50 };
        var store = new CorpusStore(temp.Path);
        var a = Enumerable.Range(0, 3).Select(n => generator.Neuron("gpt2-small", 2, n)).ToList();
        var b = generator.Neuron("pythia-70m", 11, 7);
        await store.WriteBatchAsync("gpt2-small", 2, a, [], CancellationToken.None);
        await store.WriteBatchAsync("pythia-70m", 11, [b], [], CancellationToken.None);

        var rows = Query(
            $"SELECT model, layer, count(*), sum(len(tokens)), max(neuron) FROM read_parquet('{Glob("neuroscope_texts")}', hive_partitioning=true) GROUP BY ALL ORDER BY model");
        var cell = Query(
            $"SELECT tokens[4], \"values\"[4], dataset FROM read_parquet('{Glob("neuroscope_texts")}', hive_partitioning=true) WHERE model = 'pythia-70m' AND layer = 11 AND neuron = 7 AND text_index = 2");

        Assert.Equal(["gpt2-small|2|12|600|2", "pythia-70m|11|4|200|7"], rows);
        var text = b.Texts[2];
        Assert.Equal(string.Join('|', text.Tokens[3], text.Values[3].ToString("R", CultureInfo.InvariantCulture), "The Pile"), Assert.Single(cell));
    }

    [Fact]
    public async Task DuckDB_sees_no_duplicates_after_compaction_and_reads_every_table()
    {
        var generator = new RealisticNeurons(seed: 6) { TextCount = 2, TokensPerText = 10 };
        var store = new CorpusStore(temp.Path);
        var coverage = new NeuroNav.Core.CoverageRow("solu-1l", 0, 1, "neuroscope", NeuroNav.Core.CoverageStatus.MissingUpstream, "404", "https://neuroscope.io/solu-1l/0/1.html", 404, DateTimeOffset.UnixEpoch);
        await store.WriteBatchAsync("solu-1l", 0, [generator.Neuron("solu-1l", 0, 0), generator.Neuron("solu-1l", 0, 1)], [coverage], CancellationToken.None);
        await store.WriteBatchAsync("solu-1l", 0, [generator.Neuron("solu-1l", 0, 1)], [], CancellationToken.None);
        var before = Query($"SELECT count(*) FROM read_parquet('{Glob("neuroscope_neurons")}', hive_partitioning=true)");

        await store.CompactAsync("solu-1l", 0, CancellationToken.None);

        Assert.Equal(["3"], before);
        Assert.Equal(["2|4"], Query($"SELECT count(DISTINCT neuron), count(*) FROM read_parquet('{Glob("neuroscope_texts")}', hive_partitioning=true)"));
        Assert.Equal(["2"], Query($"SELECT count(*) FROM read_parquet('{Glob("neuroscope_neurons")}', hive_partitioning=true)"));
        Assert.Equal(["solu-1l|0|1|missing_upstream|404|1970-01-01 00:00:00+00"], Query(
            $"SELECT model, layer, neuron, status, http_status, strftime(attempted_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') || '+00' FROM read_parquet('{Glob("coverage")}', hive_partitioning=true)"));
    }

    private string Glob(string table) => temp.Combine(table).Replace('\\', '/') + "/**/*.parquet";

    private static List<string> Query(string sql) => IntegrityTests.Query(sql);
}
