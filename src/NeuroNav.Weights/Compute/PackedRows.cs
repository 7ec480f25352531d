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
}
