namespace NeuroNav.Corpus;

/// <summary>Size of one table of one layer.</summary>
public sealed record TableStats(string Table, int Parts, long Bytes, long Rows);

/// <summary>Size of a layer's corpus, table by table.</summary>
public sealed record CorpusStats(string Model, int Layer, IReadOnlyList<TableStats> Tables)
{
    public long Bytes => Tables.Sum(t => t.Bytes);

    /// <summary>From the layer's part list (its committed parts, as listed; nothing is opened).</summary>
    internal static CorpusStats Read(string root, string model, int layer)
    {
        var list = CommittedParts.Load(root, model, layer);
        var tables = new List<TableStats>();
        foreach (var table in CorpusLayout.Tables)
        {
            var parts = list.Parts.Where(p => p.Table == table).ToList();
            tables.Add(new TableStats(table, parts.Count, parts.Sum(p => p.Bytes), parts.Sum(p => p.Rows)));
        }

        return new CorpusStats(model, layer, tables);
    }
}
