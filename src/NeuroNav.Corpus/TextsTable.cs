using NeuroNav.Core;
using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus;

/// <summary>neuroscope_texts: one row per text, sorted by (neuron, text_index).</summary>
internal static class TextsTable
{
    public static readonly DataField Neuron = new DataField<int>("neuron");
    public static readonly DataField TextIndex = new DataField<int>("text_index");
    public static readonly DataField MaxActivation = new DataField<float>("max_activation");
    public static readonly DataField MinActivation = new DataField<float>("min_activation");
    public static readonly DataField DataIndex = new DataField<long>("data_index");
    public static readonly DataField Dataset = new DataField<string>("dataset", false);
    public static readonly DataField MaxTokenIndex = new DataField<int>("max_token_index");
    public static readonly ListField Tokens = new("tokens", new DataField<string>("element", false));
    public static readonly ListField Values = new("values", new DataField<float>("element"));
    public static readonly ParquetSchema Schema = new(Neuron, TextIndex, MaxActivation, MinActivation, DataIndex, Dataset, MaxTokenIndex, Tokens, Values);

    private static DataField TokenItem => (DataField)Tokens.Item;

    private static DataField ValueItem => (DataField)Values.Item;

    public static ParquetOptions Options(CorpusFormat format) => format.WriterOptions(
        dictionary: [Dataset, TokenItem],
        byteStreamSplit: [MaxActivation, MinActivation, ValueItem],
        delta: [Neuron, TextIndex, DataIndex, MaxTokenIndex]);

    /// <summary>Writes the texts of <paramref name="neurons"/> (sorted by neuron, each one's texts by index) as one row group.</summary>
    public static async Task WriteRowGroupAsync(ParquetWriter writer, IReadOnlyList<NeuroscopeNeuron> neurons, CancellationToken ct)
    {
        var rows = neurons.SelectMany(n => n.Texts.OrderBy(t => t.Index).Select(t => (n.Id.Neuron, Text: t))).ToList();
        var tokenCount = rows.Sum(r => r.Text.Tokens.Length);
        var tokens = new ReadOnlyMemory<char>[tokenCount];
        var values = new float[tokenCount];
        var levelCount = rows.Sum(r => Math.Max(1, r.Text.Tokens.Length));
        var defs = new int[levelCount];
        var reps = new int[levelCount];
        int v = 0, l = 0;
        foreach (var (_, text) in rows)
        {
            if (text.Tokens.Length == 0)
            {
                defs[l] = 1; // empty list
                reps[l++] = 0;
                continue;
            }

            for (var i = 0; i < text.Tokens.Length; i++, v++, l++)
            {
                tokens[v] = text.Tokens[i].AsMemory();
                values[v] = text.Values[i];
                defs[l] = TokenItem.MaxDefinitionLevel;
                reps[l] = i == 0 ? 0 : TokenItem.MaxRepetitionLevel;
            }
        }

        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(TextIndex, rows.Select(r => r.Text.Index).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<float>(MaxActivation, rows.Select(r => r.Text.MaxActivation).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<float>(MinActivation, rows.Select(r => r.Text.MinActivation).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<long>(DataIndex, rows.Select(r => r.Text.DataIndex).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(Dataset, rows.Select(r => r.Text.Dataset).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<int>(MaxTokenIndex, rows.Select(r => r.Text.MaxTokenIndex).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAllPartsAsync<ReadOnlyMemory<char>>(TokenItem, tokens, defs, reps, ct).ConfigureAwait(false);
        await rg.WriteAllPartsAsync<float>(ValueItem, values, defs, reps, ct).ConfigureAwait(false);
    }

    /// <summary>Reads one row group into columns. Its strings come from a pool of its own, so row groups can load on any thread.</summary>
    public static Task<TextChunk> ReadRowGroupAsync(PartFile file, int index, CancellationToken ct)
    {
        var pool = new StringPool();
        var neuron = file.Column(Neuron.Name);
        var textIndex = file.Column(TextIndex.Name);
        var maxAct = file.Column(MaxActivation.Name);
        var minAct = file.Column(MinActivation.Name);
        var dataIndex = file.Column(DataIndex.Name);
        var dataset = file.Column(Dataset.Name);
        var maxToken = file.Column(MaxTokenIndex.Name);
        var tokens = file.Column(Tokens.Name);
        var values = file.Column(Values.Name);
        return file.ReadRowGroupAsync(index, async rg =>
        {
            var (tokenValues, tokenStarts) = await Columns.ListAsync<ReadOnlyMemory<char>>(rg, tokens, ct).ConfigureAwait(false);
            var (valueValues, valueStarts) = await Columns.ListAsync<float>(rg, values, ct).ConfigureAwait(false);
            if (!tokenStarts.AsSpan().SequenceEqual(valueStarts))
            {
                throw new CorpusException($"Corpus file {file.Path}, row group {index}: tokens and values differ in length.");
            }

            return new TextChunk(
                await Columns.RequiredAsync<int>(rg, neuron, ct).ConfigureAwait(false),
                await Columns.RequiredAsync<int>(rg, textIndex, ct).ConfigureAwait(false),
                await Columns.RequiredAsync<float>(rg, maxAct, ct).ConfigureAwait(false),
                await Columns.RequiredAsync<float>(rg, minAct, ct).ConfigureAwait(false),
                await Columns.RequiredAsync<long>(rg, dataIndex, ct).ConfigureAwait(false),
                await Columns.StringsAsync(rg, dataset, pool, ct).ConfigureAwait(false),
                await Columns.RequiredAsync<int>(rg, maxToken, ct).ConfigureAwait(false),
                tokenValues,
                valueValues,
                tokenStarts,
                new DictionaryStrings(pool));
        });
    }
}

/// <summary>One row group of neuroscope_texts, column by column.</summary>
internal sealed record TextChunk(
    int[] Neuron,
    int[] TextIndex,
    float[] MaxActivation,
    float[] MinActivation,
    long[] DataIndex,
    string[] Dataset,
    int[] MaxTokenIndex,
    ReadOnlyMemory<char>[] Tokens,
    float[] Values,
    int[] RowStarts,
    DictionaryStrings Strings)
{
    public int Rows => Neuron.Length;

    public NeuroscopeText Text(int row)
    {
        var start = RowStarts[row];
        var length = RowStarts[row + 1] - start;
        var tokens = new string[length];
        for (var i = 0; i < length; i++)
        {
            tokens[i] = Strings.Get(Tokens[start + i]);
        }

        return new NeuroscopeText(
            TextIndex[row], MaxActivation[row], MinActivation[row], DataIndex[row], Dataset[row], MaxTokenIndex[row],
            tokens, Values.AsSpan(start, length).ToArray());
    }
}
