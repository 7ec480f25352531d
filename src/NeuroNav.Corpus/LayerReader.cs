using System.Runtime.CompilerServices;
using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>
/// Streams a layer ascending by neuron. A texts part is opened when the first of its winning neurons comes up and closed
/// after its last; in between only its current row group is held. Parts written as disjoint batches therefore hold one row
/// group at a time; parts whose neuron ranges overlap (refreshes) hold one row group each while their ranges overlap.
/// </summary>
internal static class LayerReader
{
    public static async IAsyncEnumerable<NeuroscopeNeuron> ReadAsync(
        string root, string model, int layer, [EnumeratorCancellation] CancellationToken ct)
    {
        var pool = new StringPool();
        var index = await LayerIndex.BuildAsync(root, model, layer, pool, ct).ConfigureAwait(false);
        var pending = index.PendingTextNeuronsPerPart();
        var cursors = new Dictionary<int, TextCursor>();
        try
        {
            foreach (var (neuron, (row, part)) in index.Winners)
            {
                ct.ThrowIfCancellationRequested();
                IReadOnlyList<NeuroscopeText> texts = [];
                if (row.TextCount > 0)
                {
                    if (!cursors.TryGetValue(part, out var cursor))
                    {
                        cursor = await TextCursor.OpenAsync(index.TextParts[part], ct).ConfigureAwait(false);
                        cursors[part] = cursor;
                    }

                    var found = await cursor.TakeAsync(neuron, ct).ConfigureAwait(false);
                    if (found.Count != row.TextCount)
                    {
                        throw new CorpusException(
                            $"Corpus file {cursor.Path} holds {found.Count} texts for neuron {new NeuronId(model, layer, neuron)}, its neurons part says {row.TextCount}.");
                    }

                    texts = found;
                    if (--pending[part] == 0)
                    {
                        cursors.Remove(part);
                        await cursor.DisposeAsync().ConfigureAwait(false);
                    }
                }

                yield return new NeuroscopeNeuron(
                    new NeuronId(model, layer, neuron), row.MaxRange, row.MinRange, row.CircuitsVisVersion, texts, row.Provenance);
            }
        }
        finally
        {
            foreach (var cursor in cursors.Values)
            {
                await cursor.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
