using NeuroNav.Core;
using Parquet;
using Parquet.Schema;
using static NeuroNav.Corpus.Gpt4.Gpt4Tables;

namespace NeuroNav.Corpus.Gpt4;

/// <summary>Writes one row group of each GPT-4 table from a batch of neurons sorted by neuron.</summary>
internal static class Gpt4TableWriter
{
    public static ParquetSchema Schema(string table) => table switch
    {
        Files => FileColumns.Schema,
        Explanations => ExplanationColumns.Schema,
        Simulations => SimulationColumns.Schema,
        ActivationStats => StatsColumns.Schema,
        ActivationRecords => RecordColumns.Schema,
        RelatedNeurons => RelatedNeuronColumns.Schema,
        RelatedTokens => RelatedTokenColumns.Schema,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "not a GPT-4 table"),
    };

    /// <summary>Whether <paramref name="table"/> gets any row from <paramref name="neurons"/>.</summary>
    public static bool HasRows(string table, IReadOnlyList<Gpt4Neuron> neurons) => table switch
    {
        Files => neurons.Any(n => n.Files.Count > 0),
        Explanations => neurons.Any(n => n.Explanations.Count > 0),
        Simulations => neurons.Any(n => n.Explanations.Any(e => e.Simulations.Count > 0)),
        ActivationStats => neurons.Any(n => n.Activations is not null),
        ActivationRecords => neurons.Any(n => n.Activations is { Records.Count: > 0 }),
        RelatedNeurons => neurons.Any(n => n.RelatedNeurons is { Count: > 0 }),
        RelatedTokens => neurons.Any(n => n.RelatedTokens is { Count: > 0 }),
        _ => false,
    };

    public static Task WriteAsync(string table, ParquetWriter writer, IReadOnlyList<Gpt4Neuron> neurons, CancellationToken ct) => table switch
    {
        Files => WriteFilesAsync(writer, neurons, ct),
        Explanations => WriteExplanationsAsync(writer, neurons, ct),
        Simulations => WriteSimulationsAsync(writer, neurons, ct),
        ActivationStats => WriteStatsAsync(writer, neurons, ct),
        ActivationRecords => WriteRecordsAsync(writer, neurons, ct),
        RelatedNeurons => WriteRelatedNeuronsAsync(writer, neurons, ct),
        RelatedTokens => WriteRelatedTokensAsync(writer, neurons, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "not a GPT-4 table"),
    };

    private static async Task WriteFilesAsync(ParquetWriter writer, IReadOnlyList<Gpt4Neuron> neurons, CancellationToken ct)
    {
        var rows = neurons.SelectMany(n => n.Files.OrderBy(f => f.Key).Select(f => (n.Id.Neuron, Dataset: f.Key, File: f.Value))).ToList();
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(FileColumns.Dataset, rows.Select(r => Gpt4Datasets.Name(r.Dataset)).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync(FileColumns.Url, rows.Select(r => r.File.Url).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<DateTime>(FileColumns.FetchedAt, rows.Select(r => r.File.FetchedAt.UtcDateTime).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(FileColumns.Sha256, rows.Select(r => r.File.Sha256).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<long>(FileColumns.RawBytes, rows.Select(r => r.File.Bytes).ToArray(), null, null, ct).ConfigureAwait(false);
    }

    private static async Task WriteExplanationsAsync(ParquetWriter writer, IReadOnlyList<Gpt4Neuron> neurons, CancellationToken ct)
    {
        var rows = neurons.SelectMany(n => n.Explanations.Select(e => (n.Id.Neuron, E: e))).ToList();
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(ExplanationColumns.Index, rows.Select(r => r.E.Index).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(ExplanationColumns.Text, rows.Select(r => r.E.Text).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<double>(ExplanationColumns.Ev, rows.Select(r => r.E.EvCorrelationScore).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(ExplanationColumns.RSquared, rows.Select(r => r.E.RSquaredScore).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(ExplanationColumns.AbsDev, rows.Select(r => r.E.AbsoluteDevExplainedScore).ToArray(), null, null, ct).ConfigureAwait(false);
    }

    private static async Task WriteSimulationsAsync(ParquetWriter writer, IReadOnlyList<Gpt4Neuron> neurons, CancellationToken ct)
    {
        var rows = neurons.SelectMany(n => n.Explanations.SelectMany(e => e.Simulations.Select(s => (n.Id.Neuron, Explanation: e.Index, S: s)))).ToList();
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(SimulationColumns.ExplanationIndex, rows.Select(r => r.Explanation).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(SimulationColumns.SequenceIndex, rows.Select(r => r.S.Index).ToArray(), null, null, ct).ConfigureAwait(false);
        await ListColumns.WriteStringsAsync(rg, Item(SimulationColumns.Tokens), rows.Select(r => r.S.Tokens).ToList(), ct).ConfigureAwait(false);
        await ListColumns.WriteAsync(rg, Item(SimulationColumns.True), rows.Select(r => r.S.TrueActivations).ToList(), ct).ConfigureAwait(false);
        await ListColumns.WriteAsync(rg, Item(SimulationColumns.Simulated), rows.Select(r => r.S.SimulatedActivations).ToList(), ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(SimulationColumns.Ev, rows.Select(r => r.S.EvCorrelationScore).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(SimulationColumns.RSquared, rows.Select(r => r.S.RSquaredScore).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(SimulationColumns.AbsDev, rows.Select(r => r.S.AbsoluteDevExplainedScore).ToArray(), null, null, ct).ConfigureAwait(false);
    }

    private static async Task WriteStatsAsync(ParquetWriter writer, IReadOnlyList<Gpt4Neuron> neurons, CancellationToken ct)
    {
        var rows = neurons.Where(n => n.Activations is not null).Select(n => (n.Id.Neuron, A: n.Activations!)).ToList();
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(StatsColumns.Mean, rows.Select(r => r.A.Mean).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(StatsColumns.Variance, rows.Select(r => r.A.Variance).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(StatsColumns.Skewness, rows.Select(r => r.A.Skewness).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(StatsColumns.Kurtosis, rows.Select(r => r.A.Kurtosis).ToArray(), null, null, ct).ConfigureAwait(false);
        await ListColumns.WriteAsync(rg, Item(StatsColumns.Boundaries), rows.Select(r => r.A.QuantileBoundaries).ToList(), ct).ConfigureAwait(false);
    }

    private static async Task WriteRecordsAsync(ParquetWriter writer, IReadOnlyList<Gpt4Neuron> neurons, CancellationToken ct)
    {
        var rows = neurons.Where(n => n.Activations is not null).SelectMany(n => n.Activations!.Records.Select(r => (n.Id.Neuron, R: r))).ToList();
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(RecordColumns.Kind, rows.Select(r => Gpt4Names.Kind(r.R.Kind)).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<int>(RecordColumns.Bucket, rows.Select(r => r.R.Bucket).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(RecordColumns.Index, rows.Select(r => r.R.Index).ToArray(), null, null, ct).ConfigureAwait(false);
        await ListColumns.WriteStringsAsync(rg, Item(RecordColumns.Tokens), rows.Select(r => r.R.Tokens).ToList(), ct).ConfigureAwait(false);
        await ListColumns.WriteAsync(rg, Item(RecordColumns.Activations), rows.Select(r => r.R.Activations).ToList(), ct).ConfigureAwait(false);
    }

    private static async Task WriteRelatedNeuronsAsync(ParquetWriter writer, IReadOnlyList<Gpt4Neuron> neurons, CancellationToken ct)
    {
        var rows = neurons.Where(n => n.RelatedNeurons is not null).SelectMany(n => n.RelatedNeurons!.Select(r => (n.Id.Neuron, R: r))).ToList();
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(RelatedNeuronColumns.Direction, rows.Select(r => Gpt4Names.Direction(r.R.Direction)).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync(RelatedNeuronColumns.Sign, rows.Select(r => r.R.Positive ? "positive" : "negative").ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<int>(RelatedNeuronColumns.Rank, rows.Select(r => r.R.Rank).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(RelatedNeuronColumns.Layer, rows.Select(r => r.R.Layer).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(RelatedNeuronColumns.RelatedNeuron, rows.Select(r => r.R.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(RelatedNeuronColumns.Weight, rows.Select(r => r.R.Weight).ToArray(), null, null, ct).ConfigureAwait(false);
    }

    private static async Task WriteRelatedTokensAsync(ParquetWriter writer, IReadOnlyList<Gpt4Neuron> neurons, CancellationToken ct)
    {
        var rows = neurons.Where(n => n.RelatedTokens is not null).SelectMany(n => n.RelatedTokens!.Select(r => (n.Id.Neuron, T: r))).ToList();
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(RelatedTokenColumns.Kind, rows.Select(r => Gpt4Names.Token(r.T.Kind)).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<int>(RelatedTokenColumns.Rank, rows.Select(r => r.T.Rank).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(RelatedTokenColumns.Token, rows.Select(r => r.T.Token).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<double>(RelatedTokenColumns.Value, rows.Select(r => r.T.Value).ToArray(), null, null, ct).ConfigureAwait(false);
    }
}

/// <summary>List columns written the one way Parquet.Net accepts for them: packed values with definition and repetition levels.</summary>
internal static class ListColumns
{
    public static Task WriteStringsAsync(ParquetRowGroupWriter rg, DataField item, IReadOnlyList<string[]> rows, CancellationToken ct) =>
        WriteAsync(rg, item, [.. rows.Select(r => Array.ConvertAll(r, t => t.AsMemory()))], ct);

    public static async Task WriteAsync<T>(ParquetRowGroupWriter rg, DataField item, IReadOnlyList<T[]> rows, CancellationToken ct)
        where T : struct
    {
        var values = new T[rows.Sum(r => r.Length)];
        var levels = rows.Sum(r => Math.Max(1, r.Length));
        var defs = new int[levels];
        var reps = new int[levels];
        int v = 0, l = 0;
        foreach (var row in rows)
        {
            if (row.Length == 0)
            {
                defs[l] = 1; // an empty list
                reps[l++] = 0;
                continue;
            }

            for (var i = 0; i < row.Length; i++, v++, l++)
            {
                values[v] = row[i];
                defs[l] = item.MaxDefinitionLevel;
                reps[l] = i == 0 ? 0 : item.MaxRepetitionLevel;
            }
        }

        await rg.WriteAllPartsAsync<T>(item, values, defs, reps, ct).ConfigureAwait(false);
    }
}
