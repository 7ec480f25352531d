namespace NeuroNav.Corpus;

/// <summary>
/// Rewrites a layer's parts into one part per table, for every table registered with the root, group by group
/// (<see cref="TableCompaction"/>): a group whose tables already hold one part each (none adopted) is left alone. The
/// commit is one replacement of the layer's part list (new parts in, old parts out); the old files are deleted after it.
/// Killed before the commit, the new files are unlisted leftovers; killed after it, the old ones are: either way a reader
/// of the list sees exactly one copy of every row, and the next writer holding the lock removes the leftovers.
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

    public static async Task CompactAsync(CorpusRoot root, string model, int layer, CancellationToken ct, Func<Step, Task>? reached = null)
    {
        CorpusLayout.ValidateModel(model);
        var listed = CommittedParts.Load(root, model, layer).Parts;
        var groups = root.Tables
            .GroupBy(t => t.Compaction, ReferenceEqualityComparer.Instance)
            .Select(g => (Rule: (TableCompaction)g.Key!, Parts: (IReadOnlyList<PartEntry>)[.. listed.Where(p => g.Any(t => t.Name == p.Table))]))
            .Where(g => g.Parts.Count > 0 && g.Rule.NeedsWork(g.Parts))
            .ToList();
        if (groups.Count == 0)
        {
            return;
        }

        using var batch = await PartBatch.BeginAsync(root, model, layer, ct).ConfigureAwait(false);
        var scope = new CompactionScope(root, model, layer, batch, batch.NewName(root.Tables.Select(t => t.Name)));
        var old = new List<PartEntry>();
        foreach (var (rule, parts) in groups)
        {
            old.AddRange(await rule.RunAsync(scope, parts, ct).ConfigureAwait(false));
        }

        await Reach(Step.Written).ConfigureAwait(false);
        await batch.CommitAsync([.. old.Select(p => p.Path)], ct).ConfigureAwait(false);
        await Reach(Step.Committed).ConfigureAwait(false);
        for (var i = 0; i < old.Count; i++)
        {
            PartWriter.Delete([Path.Combine(root.Folder, old[i].Path)]);
            if (i == 0 && old.Count > 1)
            {
                await Reach(Step.DeletingOld).ConfigureAwait(false);
            }
        }

        Task Reach(Step step) => reached?.Invoke(step) ?? Task.CompletedTask;
    }
}
