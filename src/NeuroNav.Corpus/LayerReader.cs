using System.Runtime.CompilerServices;
using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>
/// Streams a layer ascending by neuron. A texts part is opened when the first of its winning neurons comes up and closed
/// after its last; in between only its current row group is held. Parts written as disjoint batches therefore hold one row
/// group at a time; parts whose neuron ranges overlap (refreshes) hold one row group each while their ranges overlap.
/// While one part is being handed out, the next part the layer needs is opened and its first row group decoded on the
/// thread pool, so decoding overlaps with the caller's work even when every part is a single row group (scrape batches).
/// </summary>
internal static class LayerReader
{
    public static async IAsyncEnumerable<NeuroscopeNeuron> ReadAsync(
        CorpusRoot root, string model, int layer, [EnumeratorCancellation] CancellationToken ct)
    {
        var pool = new StringPool();
        var index = await LayerIndex.BuildAsync(root, model, layer, pool, ct).ConfigureAwait(false);
        var pending = index.PendingTextNeuronsPerPart();
        var cursors = new Dictionary<int, TextCursor>();
        var order = PartOrder(index);
        Task<TextCursor>? upcoming = null;
        var upcomingPart = -1;
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
                        if (upcomingPart == part)
                        {
                            cursor = await upcoming!.ConfigureAwait(false);
                            (upcoming, upcomingPart) = (null, -1);
                        }
                        else
                        {
                            cursor = await TextCursor.OpenAsync(index.TextParts[part], ct).ConfigureAwait(false);
                        }

                        cursors[part] = cursor;
                        if (upcoming is null && order.TryGetValue(part, out var next))
                        {
                            var path = index.TextParts[next];
                            (upcoming, upcomingPart) = (Task.Run(() => TextCursor.OpenPrimedAsync(path, ct), ct), next);
                        }
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

            await DisposeUpcomingAsync(upcoming).ConfigureAwait(false);
        }
    }

    /// <summary>For each part with texts, the part whose texts are needed first after it starts.</summary>
    private static Dictionary<int, int> PartOrder(LayerIndex index)
    {
        var firstUse = new List<int>();
        var seen = new HashSet<int>();
        foreach (var (row, part) in index.Winners.Values)
        {
            if (row.TextCount > 0 && seen.Add(part))
            {
                firstUse.Add(part);
            }
        }

        var next = new Dictionary<int, int>();
        for (var i = 0; i + 1 < firstUse.Count; i++)
        {
            next[firstUse[i]] = firstUse[i + 1];
        }

        return next;
    }

    private static async Task DisposeUpcomingAsync(Task<TextCursor>? upcoming)
    {
        if (upcoming is null)
        {
            return;
        }

        try
        {
            await (await upcoming.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CorpusException or OperationCanceledException or IOException)
        {
            // Read ahead for a caller that stopped early; an error in it surfaces only if the part is read.
        }
    }
}
