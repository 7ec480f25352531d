using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>
/// Walks one texts part forward, one row group in memory at a time, handing out the texts of requested neurons in ascending
/// order and skipping the rows of neurons whose newest copy lives in another part.
/// </summary>
internal sealed class TextCursor(PartFile file, StringPool pool) : IAsyncDisposable
{
    private TextChunk? chunk;
    private int nextRowGroup;
    private int row;

    public string Path => file.Path;

    public static async Task<TextCursor> OpenAsync(string path, StringPool pool, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new CorpusException($"Corpus file {path} is missing although its neurons part lists neurons with texts.");
        }

        return new TextCursor(await PartFile.OpenAsync(path, ct).ConfigureAwait(false), pool);
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
            if (nextRowGroup >= file.RowGroupCount)
            {
                return false;
            }

            chunk = await TextsTable.ReadRowGroupAsync(file, nextRowGroup++, pool, ct).ConfigureAwait(false);
            row = 0;
        }

        return true;
    }

    public ValueTask DisposeAsync()
    {
        chunk = null;
        return file.DisposeAsync();
    }
}
