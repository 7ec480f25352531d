namespace NeuroNav.Corpus;

/// <summary>Size of one table of one layer.</summary>
public sealed record TableStats(string Table, int Parts, long Bytes, long Rows);

/// <summary>Size of a layer's corpus, table by table.</summary>
public sealed record CorpusStats(string Model, int Layer, IReadOnlyList<TableStats> Tables)
{
    public long Bytes => Tables.Sum(t => t.Bytes);

    /// <summary>The table's size in this layer; zero parts when it has none.</summary>
    public TableStats Of(string table) => Tables.FirstOrDefault(t => t.Table == table) ?? new TableStats(table, 0, 0, 0);

    /// <summary>From the layer's part list (its committed parts, as listed; nothing is opened): every registered table with parts, in registration order.</summary>
    internal static CorpusStats Read(CorpusRoot root, string model, int layer)
    {
        var list = CommittedParts.Load(root, model, layer);
        var tables = new List<TableStats>();
        foreach (var table in root.Tables)
        {
            var parts = list.Parts.Where(p => p.Table == table.Name).ToList();
            if (parts.Count > 0)
            {
                tables.Add(new TableStats(table.Name, parts.Count, parts.Sum(p => p.Bytes), parts.Sum(p => p.Rows)));
            }
        }

        return new CorpusStats(model, layer, tables);
    }
}
