using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>
/// Rewrites a layer's Neuroscope and coverage parts into one part per table, streaming the texts row group by row group.
/// The commit is one replacement of the layer's part list (new parts in, old parts out); the old files are deleted after
/// it. Killed before the commit, the new files are unlisted leftovers; killed after it, the old ones are: either way a
/// reader of the list sees exactly one copy of every neuron, and the next writer holding the lock removes the leftovers.
/// </summary>
internal static class Compactor
{
    /// <summary>The points of a compaction where a kill leaves a distinct state on disk (for tests).</summary>
    public enum Step
    {
        /// <summary>The new parts are on disk, not listed.</summary>
        Written,

        /// <summary>The list names the new parts only; the old files are still on disk.</summary>
        Committed,

        /// <summary>One old file is deleted, the others not yet.</summary>
        DeletingOld,
    }

    public static async Task CompactAsync(CorpusStore store, string model, int layer, CancellationToken ct, Func<Step, Task>? reached = null)
    {
        var old = CommittedParts.Load(store.Root, model, layer).Parts.Where(p => CorpusLayout.Tables.Contains(p.Table)).ToList();
        if (CorpusLayout.Tables.All(t => old.Count(p => p.Table == t) <= 1) && !old.Any(p => p.Adopted))
        {
            return;
        }

        using var batch = await PartBatch.BeginAsync(store.Root, model, layer, ct).ConfigureAwait(false);
        var name = CorpusLayout.NewPartName(CorpusLayout.Tables.Select(t => store.Dir(t, model, layer)));
        var rows = new List<NeuronRow>();
        var textsPath = Path.Combine(store.Dir(CorpusLayout.Texts, model, layer), name);
        var anyTexts = false;
        await batch.WriteAsync(textsPath, TextsTable.Schema, TextsTable.Options(store.Format), async writer =>
        {
            var buffer = new List<NeuroscopeNeuron>();
            var tokens = 0L;
            await foreach (var neuron in store.ReadLayerAsync(model, layer, ct).ConfigureAwait(false))
            {
                rows.Add(NeuronRow.Of(neuron));
                if (neuron.Texts.Count == 0)
                {
                    continue;
                }

                buffer.Add(neuron);
                tokens += neuron.Texts.Sum(t => (long)t.Tokens.Length);
                if (tokens >= store.Format.RowGroupTokens)
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
            batch.Discard(textsPath);
        }

        if (rows.Count > 0)
        {
            var path = Path.Combine(store.Dir(CorpusLayout.Neurons, model, layer), name);
            await batch.WriteAsync(path, NeuronsTable.Schema, NeuronsTable.Options(store.Format), w => NeuronsTable.WriteRowGroupAsync(w, rows, ct), ct).ConfigureAwait(false);
        }

        var coverage = await store.ReadCoverageAsync(model, layer, ct).ConfigureAwait(false);
        if (coverage.Count > 0)
        {
            var path = Path.Combine(store.Dir(CorpusLayout.Coverage, model, layer), name);
            await batch.WriteAsync(path, CoverageTable.Schema, CoverageTable.Options(store.Format), w => CoverageTable.WriteRowGroupAsync(w, coverage, ct), ct).ConfigureAwait(false);
        }

        await Reach(Step.Written).ConfigureAwait(false);
        await batch.CommitAsync([.. old.Select(p => p.Path)], ct).ConfigureAwait(false);
        await Reach(Step.Committed).ConfigureAwait(false);
        for (var i = 0; i < old.Count; i++)
        {
            PartWriter.Delete([Path.Combine(store.Root, old[i].Path)]);
            if (i == 0 && old.Count > 1)
            {
                await Reach(Step.DeletingOld).ConfigureAwait(false);
            }
        }

        Task Reach(Step step) => reached?.Invoke(step) ?? Task.CompletedTask;
    }
}
