using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>
/// Neuroscope's tables: <c>neuroscope_texts</c> (one row per example text) and <c>neuroscope_neurons</c> (one row per
/// neuron, its census), written by one batch under one part name and compacted together: the newest copy of each neuron,
/// its texts streamed row group by row group into row groups of about <see cref="CorpusFormat.RowGroupTokens"/> tokens.
/// </summary>
public static class NeuroscopeTables
{
    public const string Texts = "neuroscope_texts";
    public const string Neurons = "neuroscope_neurons";

    private static readonly TableCompaction Compaction = TableCompaction.Rewrite(CompactAsync);

    public static readonly IReadOnlyList<CorpusTable> All =
    [
        new(Texts, SourceInfo.Neuroscope.Id, 1, Compaction),
        new(Neurons, SourceInfo.Neuroscope.Id, 1, Compaction) { Census = true },
    ];

    private static async Task CompactAsync(CompactionScope scope, CancellationToken ct)
    {
        var (root, model, layer, batch, name) = (scope.Root, scope.Model, scope.Layer, scope.Batch, scope.Name);
        var format = root.Format;
        var rows = new List<NeuronRow>();
        var anyTexts = false;
        await batch.WriteAsync(Texts, name, TextsTable.Schema, TextsTable.Options(format), async writer =>
        {
            var buffer = new List<NeuroscopeNeuron>();
            var tokens = 0L;
            await foreach (var neuron in LayerReader.ReadAsync(root, model, layer, ct).ConfigureAwait(false))
            {
                rows.Add(NeuronRow.Of(neuron));
                if (neuron.Texts.Count == 0)
                {
                    continue;
                }

                buffer.Add(neuron);
                tokens += neuron.Texts.Sum(t => (long)t.Tokens.Length);
                if (tokens >= format.RowGroupTokens)
                {
                    await TextsTable.WriteRowGroupAsync(writer, buffer, ct).ConfigureAwait(false);
                    (anyTexts, tokens) = (true, 0);
                    buffer.Clear();
                }
            }

            if (buffer.Count > 0)
            {
                await TextsTable.WriteRowGroupAsync(writer, buffer, ct).ConfigureAwait(false);
                anyTexts = true;
            }
        }, ct).ConfigureAwait(false);
        if (!anyTexts)
        {
            batch.Discard(Texts, name);
        }

        if (rows.Count > 0)
        {
            await batch.WriteAsync(Neurons, name, NeuronsTable.Schema, NeuronsTable.Options(format), w => NeuronsTable.WriteRowGroupAsync(w, rows, ct), ct).ConfigureAwait(false);
        }
    }
}
