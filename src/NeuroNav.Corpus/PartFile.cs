using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus;

/// <summary>An open part file for reading. Every failure of the underlying reader becomes a <see cref="CorpusException"/> naming the file.</summary>
internal sealed class PartFile : IAsyncDisposable
{
    private readonly FileStream stream;
    private readonly ParquetReader reader;

    private PartFile(string path, FileStream stream, ParquetReader reader)
    {
        Path = path;
        this.stream = stream;
        this.reader = reader;
    }

    public string Path { get; }

    public int RowGroupCount => reader.RowGroupCount;

    public long RowCount => reader.Metadata?.NumRows ?? 0;

    public static async Task<PartFile> OpenAsync(string path, CancellationToken ct)
    {
        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: false);
            var reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, ct).ConfigureAwait(false);
            return new PartFile(path, stream, reader);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            throw Corrupt(path, ex);
        }
    }

    public static CorpusException Corrupt(string path, Exception ex)
        => ex as CorpusException ?? new CorpusException($"Corpus file {path} is corrupt or unreadable: {ex.Message}", ex);

    /// <summary>The leaf column under a top-level field, whatever the list element is called (element, item).</summary>
    public DataField Column(string topLevelName)
        => reader.Schema.DataFields.FirstOrDefault(f => f.Path.FirstPart == topLevelName)
            ?? throw new CorpusException($"Corpus file {Path} has no column '{topLevelName}'.");

    public async Task<T> ReadRowGroupAsync<T>(int index, Func<ParquetRowGroupReader, Task<T>> read)
    {
        try
        {
            using var rowGroup = reader.OpenRowGroupReader(index);
            return await read(rowGroup).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Corrupt(Path, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync().ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
    }
}
