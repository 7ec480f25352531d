using System.Security.Cryptography;
using Parquet;

namespace NeuroNav.Corpus;

/// <summary>
/// Bringing a corpus folder to the listed state: the one-time adoption of a corpus written before part lists existed,
/// and the removal of part files no list names (what a killed writer or compaction leaves behind).
/// </summary>
public static class CorpusTidy
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    internal static async Task<int> EnsureListedAsync(CorpusRoot corpus, CancellationToken ct)
    {
        var root = corpus.Folder;
        if (PartList.IsMarked(root))
        {
            return 0;
        }

        await Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (PartList.IsMarked(root))
            {
                return 0;
            }

            var folder = Path.Combine(root, PartList.Folder);
            Directory.CreateDirectory(folder);
            using var held = await LockFile.AcquireAsync(Path.Combine(folder, ".adopt.lock"), ct).ConfigureAwait(false);
            var adopted = 0;
            foreach (var layer in corpus.PartitionFolders().GroupBy(f => (f.Model, f.Layer)))
            {
                var (model, number) = layer.Key;
                if (File.Exists(PartList.ListPath(root, model, number)))
                {
                    continue; // adopted by an earlier, interrupted adoption
                }

                var entries = new List<PartEntry>();
                foreach (var (table, _, _, dir) in layer)
                {
                    foreach (var part in CorpusLayout.Parts(dir))
                    {
                        entries.Add(await AdoptAsync(root, table, model, number, part, ct).ConfigureAwait(false));
                    }
                }

                if (entries.Count > 0)
                {
                    CorpusLayout.ValidateModel(model);
                    await PartList.CommitAsync(root, model, number, entries, [], ct).ConfigureAwait(false);
                    adopted += entries.Count;
                }
            }

            PartList.Mark(root);
            return adopted;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Deletes every part file that its layer's list does not name, and the temp files of atomic writes. Only for the
    /// writer that holds the corpus lock (<see cref="CorpusLock"/>): another writer's uncommitted parts look the same.
    /// Does nothing to a corpus that does not list its parts yet (its parts are adopted first). Returns the files removed.
    /// </summary>
    internal static IReadOnlyList<string> RemoveUnlisted(CorpusRoot corpus)
    {
        var root = corpus.Folder;
        var removed = new List<string>();
        var marked = PartList.IsMarked(root);
        var byLayer = new Dictionary<(string, int), HashSet<string>>();
        foreach (var (_, model, layer, dir) in corpus.PartitionFolders())
        {
            removed.AddRange(Directory.EnumerateFiles(dir, ".*.tmp"));
            if (!marked)
            {
                continue;
            }

            if (!byLayer.TryGetValue((model, layer), out var listed))
            {
                listed = CorpusLayout.IsValidModel(model)
                    ? PartList.Load(root, model, layer).Parts.Select(p => p.Path).ToHashSet(StringComparer.Ordinal)
                    : [];
                byLayer[(model, layer)] = listed;
            }

            removed.AddRange(CorpusLayout.Parts(dir).Where(p => !listed.Contains(PartList.Relative(root, p))));
        }

        var lists = Path.Combine(root, PartList.Folder);
        if (Directory.Exists(lists))
        {
            removed.AddRange(Directory.EnumerateFiles(lists, ".*.tmp", SearchOption.AllDirectories));
        }

        PartWriter.Delete(removed);
        return removed;
    }

    private static async Task<PartEntry> AdoptAsync(string root, string table, string model, int layer, string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));
        stream.Position = 0;
        long rows;
        (string Table, string Model, string Layer)? own;
        try
        {
            await using var reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, ct).ConfigureAwait(false);
            rows = reader.Metadata?.NumRows ?? 0;
            own = PartMetadata.Of(reader.CustomMetadata);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CorpusException($"Corpus file {path} cannot be adopted: it is not readable Parquet ({ex.Message}).", ex);
        }

        var layerText = layer.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (own is { } o && (o.Table != table || o.Model != model || o.Layer != layerText))
        {
            throw new CorpusException($"Corpus file {path} cannot be adopted: it is misfiled (its own metadata says {o.Table} of {o.Model} layer {o.Layer}).");
        }

        return new PartEntry(table, PartList.Relative(root, path), model, layer, rows, stream.Length, sha, Adopted: own is null);
    }
}
