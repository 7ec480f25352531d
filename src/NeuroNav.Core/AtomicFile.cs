namespace NeuroNav.Core;

/// <summary>Writes a file so that a reader sees either the old bytes or the new ones, never half of them.</summary>
public static class AtomicFile
{
    /// <summary>The folder of a site's output where <see cref="WriteAllBytes(string, ReadOnlySpan{byte}, string?)"/> stages files.</summary>
    public const string TempFolder = ".tmp";

    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false))
            {
                await write(stream, ct).ConfigureAwait(false);
                await stream.FlushAsync(ct).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <param name="tempDirectory">Where to stage the bytes (same file system); beside <paramref name="path"/> when null.</param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, string? tempDirectory = null)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        if (tempDirectory is not null)
        {
            Directory.CreateDirectory(tempDirectory);
        }

        var temp = Path.Combine(tempDirectory ?? dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, bytes.Length))
            {
                RandomAccess.Write(handle, bytes, 0);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
