using NeuroNav.Core;
using Parquet;
using static NeuroNav.Corpus.Gpt4.Gpt4Tables;

namespace NeuroNav.Corpus.Gpt4;

/// <summary>Reads whole GPT-4 part files into rows keyed by neuron; a failure names the file.</summary>
internal static class Gpt4TableReader
{
    public static Task<List<(int Neuron, Gpt4Dataset Dataset, Provenance File)>> FilesAsync(string path, StringPool pool, CancellationToken ct) =>
        ReadAsync(path, async (file, rg) =>
        {
            var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
            var dataset = await Columns.StringsAsync(rg, file.Column(FileColumns.Dataset.Name), pool, ct).ConfigureAwait(false);
            var url = await Columns.StringsAsync(rg, file.Column(FileColumns.Url.Name), pool, ct).ConfigureAwait(false);
            var at = await Columns.RequiredAsync<DateTime>(rg, file.Column(FileColumns.FetchedAt.Name), ct).ConfigureAwait(false);
            var sha = await Columns.StringsAsync(rg, file.Column(FileColumns.Sha256.Name), pool, ct).ConfigureAwait(false);
            var bytes = await Columns.RequiredAsync<long>(rg, file.Column(FileColumns.RawBytes.Name), ct).ConfigureAwait(false);
            return Enumerable.Range(0, neuron.Length)
                .Select(i => (neuron[i], Gpt4Datasets.Parse(dataset[i], path), new Provenance(url[i], NeuronsTable.Utc(at[i]), sha[i], bytes[i])));
        }, ct);

    public static Task<List<(int Neuron, Gpt4Explanation Explanation)>> ExplanationsAsync(string path, StringPool pool, CancellationToken ct) =>
        ReadAsync(path, async (file, rg) =>
        {
            var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
            var index = await Columns.RequiredAsync<int>(rg, file.Column(ExplanationColumns.Index.Name), ct).ConfigureAwait(false);
            var text = await Columns.StringsAsync(rg, file.Column(ExplanationColumns.Text.Name), pool, ct).ConfigureAwait(false);
            var ev = await Columns.NullableAsync<double>(rg, file.Column(ExplanationColumns.Ev.Name), ct).ConfigureAwait(false);
            var rsq = await Columns.NullableAsync<double>(rg, file.Column(ExplanationColumns.RSquared.Name), ct).ConfigureAwait(false);
            var abs = await Columns.NullableAsync<double>(rg, file.Column(ExplanationColumns.AbsDev.Name), ct).ConfigureAwait(false);
            return Enumerable.Range(0, neuron.Length)
                .Select(i => (neuron[i], new Gpt4Explanation(index[i], text[i], ev[i], rsq[i], abs[i], [])));
        }, ct);

    public static Task<List<(int Neuron, int Explanation, Gpt4Simulation Simulation)>> SimulationsAsync(string path, StringPool pool, CancellationToken ct) =>
        ReadAsync(path, async (file, rg) =>
        {
            var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
            var explanation = await Columns.RequiredAsync<int>(rg, file.Column(SimulationColumns.ExplanationIndex.Name), ct).ConfigureAwait(false);
            var sequence = await Columns.RequiredAsync<int>(rg, file.Column(SimulationColumns.SequenceIndex.Name), ct).ConfigureAwait(false);
            var tokens = await StringListAsync(rg, file, SimulationColumns.Tokens.Name, pool, ct).ConfigureAwait(false);
            var truth = await ListAsync<float>(rg, file, SimulationColumns.True.Name, ct).ConfigureAwait(false);
            var simulated = await ListAsync<float>(rg, file, SimulationColumns.Simulated.Name, ct).ConfigureAwait(false);
            var ev = await Columns.NullableAsync<double>(rg, file.Column(SimulationColumns.Ev.Name), ct).ConfigureAwait(false);
            var rsq = await Columns.NullableAsync<double>(rg, file.Column(SimulationColumns.RSquared.Name), ct).ConfigureAwait(false);
            var abs = await Columns.NullableAsync<double>(rg, file.Column(SimulationColumns.AbsDev.Name), ct).ConfigureAwait(false);
            return Enumerable.Range(0, neuron.Length)
                .Select(i => (neuron[i], explanation[i], new Gpt4Simulation(sequence[i], tokens[i], truth[i], simulated[i], ev[i], rsq[i], abs[i])));
        }, ct);

    public static Task<List<(int Neuron, Gpt4Activations Stats)>> StatsAsync(string path, CancellationToken ct) =>
        ReadAsync(path, async (file, rg) =>
        {
            var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
            var mean = await Columns.NullableAsync<double>(rg, file.Column(StatsColumns.Mean.Name), ct).ConfigureAwait(false);
            var variance = await Columns.NullableAsync<double>(rg, file.Column(StatsColumns.Variance.Name), ct).ConfigureAwait(false);
            var skewness = await Columns.NullableAsync<double>(rg, file.Column(StatsColumns.Skewness.Name), ct).ConfigureAwait(false);
            var kurtosis = await Columns.NullableAsync<double>(rg, file.Column(StatsColumns.Kurtosis.Name), ct).ConfigureAwait(false);
            var boundaries = await ListAsync<double>(rg, file, StatsColumns.Boundaries.Name, ct).ConfigureAwait(false);
            return Enumerable.Range(0, neuron.Length)
                .Select(i => (neuron[i], new Gpt4Activations(mean[i], variance[i], skewness[i], kurtosis[i], boundaries[i], [])));
        }, ct);

    public static Task<List<(int Neuron, Gpt4ActivationRecord Record)>> RecordsAsync(string path, StringPool pool, CancellationToken ct) =>
        ReadAsync(path, async (file, rg) =>
        {
            var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
            var kind = await Columns.StringsAsync(rg, file.Column(RecordColumns.Kind.Name), pool, ct).ConfigureAwait(false);
            var bucket = await Columns.RequiredAsync<int>(rg, file.Column(RecordColumns.Bucket.Name), ct).ConfigureAwait(false);
            var index = await Columns.RequiredAsync<int>(rg, file.Column(RecordColumns.Index.Name), ct).ConfigureAwait(false);
            var tokens = await StringListAsync(rg, file, RecordColumns.Tokens.Name, pool, ct).ConfigureAwait(false);
            var activations = await ListAsync<float>(rg, file, RecordColumns.Activations.Name, ct).ConfigureAwait(false);
            return Enumerable.Range(0, neuron.Length).Select(i => (neuron[i], new Gpt4ActivationRecord(
                Gpt4Names.Parse<Gpt4RecordKind>(kind[i], Gpt4Names.Kind, path), bucket[i], index[i], tokens[i], activations[i])));
        }, ct);

    public static Task<List<(int Neuron, Gpt4RelatedNeuron Related)>> RelatedNeuronsAsync(string path, StringPool pool, CancellationToken ct) =>
        ReadAsync(path, async (file, rg) =>
        {
            var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
            var direction = await Columns.StringsAsync(rg, file.Column(RelatedNeuronColumns.Direction.Name), pool, ct).ConfigureAwait(false);
            var sign = await Columns.StringsAsync(rg, file.Column(RelatedNeuronColumns.Sign.Name), pool, ct).ConfigureAwait(false);
            var rank = await Columns.RequiredAsync<int>(rg, file.Column(RelatedNeuronColumns.Rank.Name), ct).ConfigureAwait(false);
            var layer = await Columns.RequiredAsync<int>(rg, file.Column(RelatedNeuronColumns.Layer.Name), ct).ConfigureAwait(false);
            var related = await Columns.RequiredAsync<int>(rg, file.Column(RelatedNeuronColumns.RelatedNeuron.Name), ct).ConfigureAwait(false);
            var weight = await Columns.NullableAsync<double>(rg, file.Column(RelatedNeuronColumns.Weight.Name), ct).ConfigureAwait(false);
            return Enumerable.Range(0, neuron.Length).Select(i => (neuron[i], new Gpt4RelatedNeuron(
                Gpt4Names.Parse<Gpt4Direction>(direction[i], Gpt4Names.Direction, path),
                sign[i] == "positive" ? true : sign[i] == "negative" ? false : throw new CorpusException($"{path}: unknown sign '{sign[i]}'"),
                rank[i], layer[i], related[i], weight[i])));
        }, ct);

    public static Task<List<(int Neuron, Gpt4RelatedToken Token)>> RelatedTokensAsync(string path, StringPool pool, CancellationToken ct) =>
        ReadAsync(path, async (file, rg) =>
        {
            var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
            var kind = await Columns.StringsAsync(rg, file.Column(RelatedTokenColumns.Kind.Name), pool, ct).ConfigureAwait(false);
            var rank = await Columns.RequiredAsync<int>(rg, file.Column(RelatedTokenColumns.Rank.Name), ct).ConfigureAwait(false);
            var token = await Columns.StringsAsync(rg, file.Column(RelatedTokenColumns.Token.Name), pool, ct).ConfigureAwait(false);
            var value = await Columns.NullableAsync<double>(rg, file.Column(RelatedTokenColumns.Value.Name), ct).ConfigureAwait(false);
            return Enumerable.Range(0, neuron.Length).Select(i => (neuron[i], new Gpt4RelatedToken(
                Gpt4Names.Parse<Gpt4TokenKind>(kind[i], Gpt4Names.Token, path), rank[i], token[i], value[i])));
        }, ct);

    private static async Task<List<T>> ReadAsync<T>(string path, Func<PartFile, ParquetRowGroupReader, Task<IEnumerable<T>>> read, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var rows = new List<T>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            rows.AddRange(await file.ReadRowGroupAsync(g, async rg => (await read(file, rg).ConfigureAwait(false)).ToList()).ConfigureAwait(false));
        }

        return rows;
    }

    private static async Task<T[][]> ListAsync<T>(ParquetRowGroupReader rg, PartFile file, string column, CancellationToken ct)
        where T : struct
    {
        var (values, starts) = await Columns.ListAsync<T>(rg, file.Column(column), ct).ConfigureAwait(false);
        var rows = new T[starts.Length - 1][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = values.AsSpan(starts[i], starts[i + 1] - starts[i]).ToArray();
        }

        return rows;
    }

    private static async Task<string[][]> StringListAsync(ParquetRowGroupReader rg, PartFile file, string column, StringPool pool, CancellationToken ct)
    {
        var (values, starts) = await Columns.ListAsync<ReadOnlyMemory<char>>(rg, file.Column(column), ct).ConfigureAwait(false);
        var rows = new string[starts.Length - 1][];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = new string[starts[i + 1] - starts[i]];
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = pool.Get(values[starts[i] + j].Span);
            }

            rows[i] = row;
        }

        return rows;
    }
}
