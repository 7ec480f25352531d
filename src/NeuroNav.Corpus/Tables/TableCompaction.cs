namespace NeuroNav.Corpus;

/// <summary>
/// How <c>compact</c> turns a layer's parts of a group of tables into one part per table while every reader sees the same
/// rows as before: each rule resolves duplicates exactly as the tables' readers do. Tables declared with the same instance
/// are one group (their parts share names, and a reader joins them by name), so they are rewritten together.
/// </summary>
public abstract class TableCompaction
{
    private protected TableCompaction()
    {
    }

    /// <summary>
    /// For tables that every write replaces whole for the layer (readers take the newest part only): the older parts are
    /// taken off the list and deleted; nothing is rewritten.
    /// </summary>
    public static TableCompaction NewestPart() => new NewestPartCompaction();

    /// <summary>Whether the group's listed parts of a layer need compacting.</summary>
    internal abstract bool NeedsWork(IReadOnlyList<PartEntry> parts);

    /// <summary>Writes the group's compacted parts into the scope's batch; returns the listed parts the commit replaces.</summary>
    internal abstract Task<IReadOnlyList<PartEntry>> RunAsync(CompactionScope scope, IReadOnlyList<PartEntry> parts, CancellationToken ct);

    /// <summary>Rewrites the group from what its readers read (one part per table, under the compaction's part name).</summary>
    internal static TableCompaction Rewrite(Func<CompactionScope, CancellationToken, Task> rewrite) => new RewriteCompaction(rewrite);

    private sealed class NewestPartCompaction : TableCompaction
    {
        internal override bool NeedsWork(IReadOnlyList<PartEntry> parts) => parts.GroupBy(p => p.Table).Any(t => t.Count() > 1);

        internal override Task<IReadOnlyList<PartEntry>> RunAsync(CompactionScope scope, IReadOnlyList<PartEntry> parts, CancellationToken ct)
            => Task.FromResult<IReadOnlyList<PartEntry>>(
                [.. parts.GroupBy(p => p.Table).SelectMany(t => t.OrderBy(p => p.Path, StringComparer.Ordinal).SkipLast(1))]);
    }

    private sealed class RewriteCompaction(Func<CompactionScope, CancellationToken, Task> rewrite) : TableCompaction
    {
        internal override bool NeedsWork(IReadOnlyList<PartEntry> parts) => parts.Any(p => p.Adopted) || parts.GroupBy(p => p.Table).Any(t => t.Count() > 1);

        internal override async Task<IReadOnlyList<PartEntry>> RunAsync(CompactionScope scope, IReadOnlyList<PartEntry> parts, CancellationToken ct)
        {
            await rewrite(scope, ct).ConfigureAwait(false);
            return parts;
        }
    }
}

/// <summary>What a rewrite sees: the root, the layer, and the batch its parts go into under the compaction's part name.</summary>
internal sealed class CompactionScope(CorpusRoot root, string model, int layer, PartBatch batch, string name)
{
    public CorpusRoot Root => root;

    public string Model => model;

    public int Layer => layer;

    public PartBatch Batch => batch;

    public string Name => name;
}
