using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>
/// Walks one texts part forward, one row group in memory at a time, handing out the texts of requested neurons in ascending
/// order and skipping the rows of neurons whose newest copy lives in another part. While the caller works on one row group
/// the next one of the same file is decoded on the thread pool, so a multi-row-group part (a compacted layer) holds at most
/// two row groups and decoding overlaps with assembling neurons.
/// </summary>
internal sealed class TextCursor(PartFile file) : IAsyncDisposable
{
    private TextChunk? chunk;
    private Task<TextChunk>? prefetch;
    private int nextRowGroup;
    private int row;

    public string Path => file.Path;

    public static async Task<TextCursor> OpenAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new CorpusException($"Corpus file {path} is missing although its neurons part lists neurons with texts.");
        }

        return new TextCursor(await PartFile.OpenAsync(path, ct).ConfigureAwait(false));
    }

    /// <summary>Opens a part and decodes its first row group, so that the caller finds it ready.</summary>
    public static async Task<TextCursor> OpenPrimedAsync(string path, CancellationToken ct)
    {
        var cursor = await OpenAsync(path, ct).ConfigureAwait(false);
        try
        {
            await cursor.EnsureRowAsync(ct).ConfigureAwait(false);
            return cursor;
        }
        catch
        {
            await cursor.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The texts of <paramref name="neuron"/>, which must be greater than every neuron asked for before.</summary>
    public async Task<List<NeuroscopeText>> TakeAsync(int neuron, CancellationToken ct)
    {
        var texts = new List<NeuroscopeText>();
        while (await EnsureRowAsync(ct).ConfigureAwait(false))
        {
            var current = chunk!.Neuron[row];
            if (current > neuron)
            {
                break;
            }

            if (current == neuron)
            {
                texts.Add(chunk.Text(row));
            }

            row++;
        }

        return texts;
    }

    private async Task<bool> EnsureRowAsync(CancellationToken ct)
    {
        while (chunk is null || row >= chunk.Rows)
        {
            chunk = null;
            if (prefetch is not null)
            {
                var pending = prefetch;
                prefetch = null;
                chunk = await pending.ConfigureAwait(false);
            }
            else if (nextRowGroup < file.RowGroupCount)
            {
                chunk = await TextsTable.ReadRowGroupAsync(file, nextRowGroup++, ct).ConfigureAwait(false);
            }
            else
            {
                return false;
            }

            row = 0;
            if (nextRowGroup < file.RowGroupCount)
            {
                var index = nextRowGroup++;
                prefetch = Task.Run(() => TextsTable.ReadRowGroupAsync(file, index, ct), ct);
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        chunk = null;
        if (prefetch is not null)
        {
            try
            {
                await prefetch.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is CorpusException or OperationCanceledException)
            {
                // The caller no longer needs this row group; an error in it surfaces only if it is read.
            }

            prefetch = null;
        }

        await file.DisposeAsync().ConfigureAwait(false);
    }
}
