namespace NeuroNav.Weights.Compute;

/// <summary>
/// A row-major matrix (rows × k) repacked into panels of <see cref="Width"/> rows, each stored k-major
/// (<c>panel[k * Width + r]</c>) and padded with zero rows, which is the order the micro-kernel reads it in.
/// </summary>
public sealed class PackedRows
{
    private PackedRows(float[] data, int rows, int k, int width)
    {
        Data = data;
        Rows = rows;
        K = k;
        Width = width;
    }

    public float[] Data { get; }

    public int Rows { get; }

    public int K { get; }

    public int Width { get; }

    public int Panels => (Rows + Width - 1) / Width;

    public static PackedRows Pack(ReadOnlySpan<float> rowMajor, int rows, int k, int width)
    {
        var panels = (rows + width - 1) / width;
        var data = new float[(long)panels * k * width];
        for (var p = 0; p < panels; p++)
        {
            var baseOut = (long)p * k * width;
            for (var r = 0; r < width; r++)
            {
                var row = (p * width) + r;
                if (row >= rows)
                {
                    break;
                }

                var src = rowMajor.Slice(row * k, k);
                for (var kk = 0; kk < k; kk++)
                {
                    data[baseOut + ((long)kk * width) + r] = src[kk];
                }
            }
        }

        return new PackedRows(data, rows, k, width);
    }

    /// <summary>
    /// The rows <paramref name="rows"/> (in that order) packed alike: for products over a few rows of a packed matrix,
    /// e.g. the token lists of the neurons a fetch stores, without the product over every row.
    /// </summary>
    public PackedRows Select(IReadOnlyList<int> rows)
    {
        var panels = (rows.Count + Width - 1) / Width;
        var data = new float[(long)panels * K * Width];
        for (var r = 0; r < rows.Count; r++)
        {
            var from = rows[r];
            if (from < 0 || from >= Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"row {from} of a matrix of {Rows} rows");
            }

            var src = ((long)(from / Width) * K * Width) + (from % Width);
            var dst = ((long)(r / Width) * K * Width) + (r % Width);
            for (var kk = 0; kk < K; kk++)
            {
                data[dst + ((long)kk * Width)] = Data[src + ((long)kk * Width)];
            }
        }

        return new PackedRows(data, rows.Count, K, Width);
    }
}
