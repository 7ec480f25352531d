using Parquet;

namespace NeuroNav.Corpus.Bench;

/// <summary>Compressed bytes per top-level column over every part file under a folder.</summary>
internal static class ColumnSizes
{
    public static async Task<SortedDictionary<string, long>> OfAsync(string dir)
    {
        var sizes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(dir, "part-*.parquet", SearchOption.AllDirectories))
        {
            await using var reader = await ParquetReader.CreateAsync(path);
            foreach (var group in reader.Metadata!.RowGroups)
            {
                foreach (var column in group.Columns)
                {
                    var name = column.MetaData!.PathInSchema[0];
                    sizes[name] = sizes.GetValueOrDefault(name) + column.MetaData.TotalCompressedSize;
                }
            }
        }

        return sizes;
    }
}
