using System.Security.Cryptography;
using NeuroNav.Core;
using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus;

/// <summary>
/// Writes one part file atomically: to a hidden temp file in the same folder, then renamed into place. The file carries
/// its table, model and layer in its own key-value metadata. It is not committed until its entry is in the layer's part
/// list (<see cref="PartList.CommitAsync"/>): until then readers ignore it and the next writer holding the lock removes it.
/// </summary>
internal static class PartWriter
{
    /// <summary>Writes part <paramref name="name"/> of <paramref name="table"/> in a layer: <c>{root}/{table}/{partition}/{name}</c>.</summary>
    /// <returns>The part's list entry: rows, bytes and the sha256 of the bytes written.</returns>
    public static async Task<PartEntry> WriteAsync(
        CorpusRoot root, CorpusTable table, string model, int layer, string name, ParquetSchema schema, ParquetOptions options, Func<ParquetWriter, Task> writeRowGroups, CancellationToken ct)
    {
        if (!CorpusLayout.IsPartName(name))
        {
            throw new ArgumentException($"{name} is not a part name (part-….parquet)", nameof(name));
        }

        var relative = PartitionPath.Relative(table.Name, model, layer, name);
        var path = Path.Combine(root.Folder, relative);
        await AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream, options, append: false, token).ConfigureAwait(false);
            writer.CustomMetadata = PartMetadata.For(table, model, layer);
            await writeRowGroups(writer).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);

        // Hashing reads back what was just written (in the page cache); the row count comes from the footer.
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: false);
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct).ConfigureAwait(false));
        file.Position = 0;
        long rows;
        await using (var reader = await ParquetReader.CreateAsync(file, null, leaveStreamOpen: true, ct).ConfigureAwait(false))
        {
            rows = reader.Metadata?.NumRows ?? 0;
        }

        return new PartEntry(table.Name, relative, model, layer, rows, file.Length, sha);
    }

    /// <summary>Best-effort removal of files this operation wrote but did not commit, so a failed batch leaves nothing behind.</summary>
    public static void RollBack(IEnumerable<PartEntry> written, string root) => Delete(written.Select(p => Path.Combine(root, p.Path)));

    public static void Delete(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
