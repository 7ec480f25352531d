using System.Globalization;
using DuckDB.NET.Data;
using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.TestKit;

namespace NeuroNav.Corpus.Tests.Gpt4;

public sealed class Gpt4StoreTests : IDisposable
{
    private readonly TempDirectory _temp = new("neuronav-gpt4-corpus");

    public void Dispose() => _temp.Dispose();

    internal static Gpt4Neuron Neuron(string model, int layer, int neuron, string explanation, double? score)
    {
        var id = new NeuronId(model, layer, neuron);
        var file = new Provenance($"https://example.test/{layer}/{neuron}.jsonl", DateTimeOffset.UnixEpoch, new string('a', 64), 123);
        return new Gpt4Neuron(
            id,
            new Dictionary<Gpt4Dataset, Provenance> { [Gpt4Dataset.Explanations] = file, [Gpt4Dataset.CollatedActivations] = file, [Gpt4Dataset.RelatedNeurons] = file, [Gpt4Dataset.RelatedTokensByWeight] = file },
            [
                new Gpt4Explanation(0, explanation, score, -3.5, null,
                [
                    new Gpt4Simulation(0, [" New", " York"], [0f, 4.5f], [0.21f, float.NaN], 1.0, null, 0.1),
                    new Gpt4Simulation(1, [], [], [], null, null, null),
                ]),
                new Gpt4Explanation(1, "second \"guess\"", 0.1, 0.05, 0.01, []),
            ],
            new Gpt4Activations(0.0123, null, 3.21, null, [0.31, double.NaN, 1.42, 2.01],
            [
                new Gpt4ActivationRecord(Gpt4RecordKind.Top, 0, 0, [" café", "\ufffd"], [4.5f, 0.25f]),
                new Gpt4ActivationRecord(Gpt4RecordKind.Top, 0, 1, ["b"], [3f]),
                new Gpt4ActivationRecord(Gpt4RecordKind.Quantile, 4, 0, ["F"], [2.4f]),
                new Gpt4ActivationRecord(Gpt4RecordKind.Random, 0, 0, ["x", "y"], [-0.02f, float.NaN]),
            ]),
            [new Gpt4RelatedNeuron(Gpt4Direction.Input, true, 0, 0, 5, 0.52), new Gpt4RelatedNeuron(Gpt4Direction.Output, false, 0, 4, 6399, null)],
            [new Gpt4RelatedToken(Gpt4TokenKind.InputPositive, 0, " York", 0.52), new Gpt4RelatedToken(Gpt4TokenKind.OutputNegative, 0, " Times", null)]);
    }

    [Fact]
    public async Task Store_round_trips_every_table_with_nulls_NaN_and_empty_lists()
    {
        var store = new Gpt4Store(_temp.Path);
        var written = Neuron("gpt2-small", 3, 12, "commas", null);
        await store.WriteBatchAsync("gpt2-small", 3, [written], [], CancellationToken.None);

        var read = Assert.Single(await store.ReadLayerAsync("gpt2-small", 3, null, CancellationToken.None));

        Assert.Equal(written.Id, read.Id);
        Assert.Equal(written.Files.OrderBy(f => f.Key), read.Files.OrderBy(f => f.Key));
        Assert.Equal(2, read.Explanations.Count);
        Assert.Null(read.Explanations[0].EvCorrelationScore);
        Assert.Equal(-3.5, read.Explanations[0].RSquaredScore);
        Assert.Equal("second \"guess\"", read.Explanations[1].Text);
        var sims = read.Explanations[0].Simulations;
        Assert.Equal([" New", " York"], sims[0].Tokens);
        Assert.True(float.IsNaN(sims[0].SimulatedActivations[1]));
        Assert.Null(sims[0].RSquaredScore);
        Assert.Empty(sims[1].Tokens);
        Assert.Empty(read.Explanations[1].Simulations);
        Assert.Equal(0.0123, read.Activations!.Mean);
        Assert.Null(read.Activations.Variance);
        Assert.True(double.IsNaN(read.Activations.QuantileBoundaries[1]));
        Assert.Equal([" café", "\ufffd"], read.Activations.Records[0].Tokens);
        Assert.Equal((Gpt4RecordKind.Quantile, 4), (read.Activations.Records[2].Kind, read.Activations.Records[2].Bucket));
        Assert.Equal(written.RelatedNeurons, read.RelatedNeurons);
        Assert.Equal(written.RelatedTokens, read.RelatedTokens);
    }

    [Fact]
    public async Task Newest_part_wins_for_a_refetched_neuron_and_limits_cap_each_sample()
    {
        var store = new Gpt4Store(_temp.Path);
        await store.WriteBatchAsync("gpt2-xl", 0, [Neuron("gpt2-xl", 0, 1, "old", 0.1), Neuron("gpt2-xl", 0, 2, "kept", 0.2)], [], CancellationToken.None);
        await store.WriteBatchAsync("gpt2-xl", 0, [Neuron("gpt2-xl", 0, 1, "new", 0.3)], [], CancellationToken.None);

        var read = await store.ReadLayerAsync("gpt2-xl", 0, new Gpt4ReadLimits(1), CancellationToken.None);

        Assert.Equal(["new", "kept"], read.Select(n => n.Explanations[0].Text));
        Assert.Equal(2, read[0].Explanations.Count);
        Assert.Equal(3, read[0].Activations!.Records.Count);
        Assert.Equal([0], store.Layers("gpt2-xl"));
        var light = await store.ReadExplanationsAsync("gpt2-xl", 0, CancellationToken.None);
        Assert.Empty(light[0].Explanations[0].Simulations);
        Assert.Null(light[0].Activations);
    }

    [Fact]
    public async Task Coverage_rows_go_to_the_shared_coverage_table_with_source_gpt4()
    {
        var store = new Gpt4Store(_temp.Path);
        var row = new CoverageRow("gpt2-small", 0, 9, "gpt4", CoverageStatus.MissingUpstream, "explanations missing upstream", "https://example.test/0/9.jsonl", 404, DateTimeOffset.UnixEpoch);
        await store.WriteBatchAsync("gpt2-small", 0, [], [row], CancellationToken.None);

        var rows = await new CorpusStore(_temp.Path).ReadCoverageAsync("gpt2-small", 0, CancellationToken.None);

        Assert.Equal(row, Assert.Single(rows));
        Assert.Contains(("gpt2-small", 0), new CorpusStore(_temp.Path).Partitions());
        Assert.Empty(await store.ReadLayerAsync("gpt2-small", 0, null, CancellationToken.None));
    }

    [Fact]
    public async Task Store_rejects_a_neuron_of_another_layer_naming_it()
    {
        var store = new Gpt4Store(_temp.Path);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteBatchAsync("gpt2-small", 1, [Neuron("gpt2-small", 3, 12, "x", 0.1)], [], CancellationToken.None));
        Assert.Contains("gpt2-small/3/12", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "gpt4_files")));
    }

    [Fact]
    public async Task DuckDB_reads_the_gpt4_tables_with_model_and_layer_from_the_path()
    {
        var store = new Gpt4Store(_temp.Path);
        await store.WriteBatchAsync("gpt2-small", 3, [Neuron("gpt2-small", 3, 12, "commas", 0.43)], [], CancellationToken.None);

        Assert.Equal(["gpt2-small|3|12|commas|0.43"], Query(
            $"SELECT model, layer, neuron, explanation, ev_correlation_score FROM read_parquet('{Glob("gpt4_explanations")}', hive_partitioning=true) WHERE explanation_index = 0"));
        Assert.Equal(["2| York|4.5|0.21"], Query(
            $"SELECT len(tokens), tokens[2], true_activations[2], simulated_activations[1] FROM read_parquet('{Glob("gpt4_simulations")}', hive_partitioning=true) WHERE sequence_index = 0"));
        Assert.Equal(["top|2| café", "random|2|x", "quantile|1|F"], Query(
            $"SELECT kind, len(tokens), tokens[1] FROM read_parquet('{Glob("gpt4_activation_records")}', hive_partitioning=true) WHERE record_index = 0 ORDER BY kind DESC"));
        Assert.Equal(["4|3.21|"], Query($"SELECT len(quantile_boundaries), skewness, kurtosis FROM read_parquet('{Glob("gpt4_activation_stats")}', hive_partitioning=true)"));
        Assert.Equal(["input|positive|0|5|0.52", "output|negative|4|6399|"], Query(
            $"SELECT direction, sign, related_layer, related_neuron, weight FROM read_parquet('{Glob("gpt4_related_neurons")}', hive_partitioning=true) ORDER BY direction"));
        Assert.Equal(["input_positive| York|0.52", "output_negative| Times|"], Query(
            $"SELECT kind, token, value FROM read_parquet('{Glob("gpt4_related_tokens")}', hive_partitioning=true) ORDER BY kind"));
        Assert.Equal(["collated_activations", "explanations", "related_neurons", "related_tokens_by_weight"], Query(
            $"SELECT dataset FROM read_parquet('{Glob("gpt4_files")}', hive_partitioning=true) ORDER BY dataset"));
    }

    private string Glob(string table) => _temp.Combine(table).Replace('\\', '/') + "/**/*.parquet";

    private static List<string> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
