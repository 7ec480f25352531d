using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus;

/// <summary>Raw column reads (values plus levels), the only Parquet.Net path that works for list and nullable columns.</summary>
internal static class Columns
{
    public static int LevelCount(ParquetRowGroupReader rg, DataField field)
        => checked((int)(rg.GetMetadata(field)?.MetaData?.NumValues ?? rg.RowCount));

    /// <summary>A required flat column: one value per row.</summary>
    public static async Task<T[]> RequiredAsync<T>(ParquetRowGroupReader rg, DataField field, CancellationToken ct)
        where T : struct
    {
        var n = checked((int)rg.RowCount);
        var values = new T[n];
        var defs = field.MaxDefinitionLevel > 0 ? new int[n] : null;
        await rg.ReadRawAsync<T>(field, values, defs is null ? (Memory<int>?)null : defs, (Memory<int>?)null, ct).ConfigureAwait(false);
        if (defs is not null && Array.Exists(defs, d => d != field.MaxDefinitionLevel))
        {
            throw new CorpusException($"Column '{field.Path}' has nulls where none are allowed.");
        }

        return values;
    }

    /// <summary>A required string column.</summary>
    public static async Task<string[]> StringsAsync(ParquetRowGroupReader rg, DataField field, StringPool pool, CancellationToken ct)
    {
        var raw = await RequiredAsync<ReadOnlyMemory<char>>(rg, field, ct).ConfigureAwait(false);
        return Array.ConvertAll(raw, m => pool.Get(m.Span));
    }

    /// <summary>A nullable column: null where the definition level is below the maximum.</summary>
    public static async Task<T?[]> NullableAsync<T>(ParquetRowGroupReader rg, DataField field, CancellationToken ct)
        where T : struct
    {
        var n = checked((int)rg.RowCount);
        var packed = new T[n];
        var defs = new int[n];
        await rg.ReadRawAsync<T>(field, packed, defs, (Memory<int>?)null, ct).ConfigureAwait(false);
        var result = new T?[n];
        for (int i = 0, v = 0; i < n; i++)
        {
            result[i] = defs[i] == field.MaxDefinitionLevel ? packed[v++] : null;
        }

        return result;
    }

    public static async Task<string?[]> NullableStringsAsync(ParquetRowGroupReader rg, DataField field, StringPool pool, CancellationToken ct)
    {
        var raw = await NullableAsync<ReadOnlyMemory<char>>(rg, field, ct).ConfigureAwait(false);
        return Array.ConvertAll(raw, m => m is { } v ? pool.Get(v.Span) : null);
    }

    /// <summary>A list column: packed values plus the start of each row's values (length rows + 1).</summary>
    public static async Task<(T[] Values, int[] RowStarts)> ListAsync<T>(ParquetRowGroupReader rg, DataField field, CancellationToken ct)
        where T : struct
    {
        var levels = LevelCount(rg, field);
        var values = new T[levels];
        var defs = new int[levels];
        var reps = new int[levels];
        await rg.ReadRawAsync<T>(field, values, defs, reps, ct).ConfigureAwait(false);
        var rows = checked((int)rg.RowCount);
        var starts = new int[rows + 1];
        int row = -1, packed = 0;
        for (var i = 0; i < levels; i++)
        {
            if (reps[i] == 0)
            {
                if (++row >= rows)
                {
                    break;
                }

                starts[row] = packed;
            }

            if (defs[i] == field.MaxDefinitionLevel)
            {
                packed++;
            }
        }

        if (row != rows - 1)
        {
            throw new CorpusException($"List column '{field.Path}' has {row + 1} rows, the row group {rows}.");
        }

        starts[rows] = packed;
        return (values, starts);
    }
}
