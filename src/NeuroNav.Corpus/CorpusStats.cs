namespace NeuroNav.Corpus;

/// <summary>Size of one table of one layer.</summary>
public sealed record TableStats(string Table, int Parts, long Bytes, long Rows);

/// <summary>Size of a layer's corpus, table by table.</summary>
public sealed record CorpusStats(string Model, int Layer, IReadOnlyList<TableStats> Tables)
{
    public long Bytes => Tables.Sum(t => t.Bytes);

    internal static async Task<CorpusStats> ReadAsync(string root, string model, int layer, CancellationToken ct)
    {
        var tables = new List<TableStats>();
        foreach (var table in CorpusLayout.Tables)
        {
            var parts = CorpusLayout.Parts(CorpusLayout.PartitionDir(root, table, model, layer));
            long bytes = 0, rows = 0;
            foreach (var part in parts)
            {
                bytes += new FileInfo(part).Length;
                await using var file = await PartFile.OpenAsync(part, ct).ConfigureAwait(false);
                rows += file.RowCount;
            }

            tables.Add(new TableStats(table, parts.Count, bytes, rows));
        }

        return new CorpusStats(model, layer, tables);
    }
}
