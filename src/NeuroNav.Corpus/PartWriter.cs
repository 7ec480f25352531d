using NeuroNav.Core;
using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus;

/// <summary>Writes one part file atomically: to a hidden temp file in the same folder, then renamed into place.</summary>
internal static class PartWriter
{
    public static Task WriteAsync(string path, ParquetSchema schema, ParquetOptions options, Func<ParquetWriter, Task> writeRowGroups, CancellationToken ct)
        => AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream, options, append: false, token).ConfigureAwait(false);
            await writeRowGroups(writer).ConfigureAwait(false);
        }, ct);

    /// <summary>Best-effort removal of files this operation already committed, so a failed batch leaves nothing behind.</summary>
    public static void RollBack(IEnumerable<string> committed)
    {
        foreach (var path in committed)
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
