using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus;

/// <summary>
/// The parts one write of one layer puts down, committed together: <see cref="WriteAsync"/> each part, then
/// <see cref="CommitAsync"/> lists them all in one replacement of the layer's part list. Disposed uncommitted (an
/// exception), it deletes what it wrote; killed, it leaves unlisted files that readers ignore and the next writer removes.
/// </summary>
internal sealed class PartBatch(CorpusRoot root, string model, int layer) : IDisposable
{
    private readonly List<PartEntry> _written = [];
    private bool _committed;

    public IReadOnlyList<PartEntry> Written => _written;

    /// <summary>Before any part is written: a corpus from before part lists is adopted first, so its old parts are not taken for leftovers.</summary>
    public static async Task<PartBatch> BeginAsync(CorpusRoot root, string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        CorpusLayout.ValidateLayer(layer);
        await root.EnsureListedAsync(ct).ConfigureAwait(false);
        return new PartBatch(root, model, layer);
    }

    /// <summary>A part name newer than every part of <paramref name="tables"/> in this layer; the parts of one batch share it.</summary>
    public string NewName(IEnumerable<string> tables) => CorpusLayout.NewPartName(tables.Select(t => root.Dir(t, model, layer)));

    /// <summary>Writes part <paramref name="name"/> of <paramref name="table"/> in this layer (not yet committed).</summary>
    public async Task WriteAsync(string table, string name, ParquetSchema schema, ParquetOptions options, Func<ParquetWriter, Task> write, CancellationToken ct)
        => _written.Add(await PartWriter.WriteAsync(root, root.Table(table), model, layer, name, schema, options, write, ct).ConfigureAwait(false));

    /// <summary>Drops a part written by this batch (e.g. one that turned out empty) before the commit.</summary>
    public void Discard(string table, string name)
    {
        var relative = PartitionPath.Relative(table, model, layer, name);
        _written.RemoveAll(p => p.Path == relative);
        PartWriter.Delete([Path.Combine(root.Folder, relative)]);
    }

    /// <param name="replaced">Listed parts (relative paths) this commit takes off the list; delete their files after it.</param>
    public async Task CommitAsync(IReadOnlyCollection<string> replaced, CancellationToken ct)
    {
        if (_written.Count > 0 || replaced.Count > 0)
        {
            await PartList.CommitAsync(root.Folder, model, layer, _written, replaced, ct).ConfigureAwait(false);
        }

        _committed = true;
    }

    public Task CommitAsync(CancellationToken ct) => CommitAsync([], ct);

    public void Dispose()
    {
        if (!_committed)
        {
            PartWriter.RollBack(_written, root.Folder);
        }
    }
}
