using DuckDB.NET.Data;

namespace NeuroNav.EndToEnd.Tests.Fetch;

/// <summary>Every row of every table of a corpus as an outside reader (DuckDB) sees it, times of fetch and attempt left out.</summary>
internal static class CorpusRows
{
    /// <summary>"table: row" lines, sorted; every column cast to text.</summary>
    public static async Task<List<string>> ReadAsync(string root)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        await db.OpenAsync();
        var lines = new List<string>();
        foreach (var table in Directory.EnumerateDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (!Directory.EnumerateFiles(Path.Combine(root, table!), "*.parquet", SearchOption.AllDirectories).Any())
            {
                continue;
            }

            await using var cmd = db.CreateCommand();
            cmd.CommandText = $"select cast(columns(c -> c not in ('attempted_at', 'fetched_at')) as varchar) "
                + $"from read_parquet('{root}/{table}/**/*.parquet', hive_partitioning = true, union_by_name = true)";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(table + ": " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetString(i))));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
