using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuroNav.Weights.Compute;

/// <summary>
/// All dot products between the rows of A (m × k) and the rows of B (n × k), i.e. A·Bᵀ, computed in 6 × 16 tiles by
/// a register-blocked AVX2/FMA micro-kernel and handed straight to top-k sinks, so the m × n product is never stored
/// (only one 48 × 256 block of partial sums per worker). A is taken in blocks of 48 rows, B in chunks of 256 rows,
/// k in slices of 256; the blocks of A are shared among <c>threads</c> workers.
/// </summary>
public static class RowProducts
{
    public const int MR = 6;
    public const int NR = 16;
    private const int BlockPanels = 8;
    private const int ChunkPanels = 16;
    private const int KC = 256;

    public static PackedRows PackA(ReadOnlySpan<float> rows, int count, int k) => PackedRows.Pack(rows, count, k, MR);

    public static PackedRows PackB(ReadOnlySpan<float> rows, int count, int k) => PackedRows.Pack(rows, count, k, NR);

    /// <summary>
    /// Offers every product A[i]·B[j] to <paramref name="rowSink"/> (item i, id <paramref name="colIdBase"/> + j) and
    /// to <paramref name="colSink"/> (item j, id <paramref name="rowIdBase"/> + i); either may be null.
    /// </summary>
    public static void Run(
        PackedRows a, PackedRows b, TopBottom? rowSink, int colIdBase, TopBottom? colSink, int rowIdBase, int threads, CancellationToken ct)
    {
        if (a.Width != MR || b.Width != NR || a.K != b.K)
        {
            throw new ArgumentException($"A must be packed by {MR}, B by {NR}, with the same k ({a.K} vs {b.K})");
        }

        var blocks = (a.Panels + BlockPanels - 1) / BlockPanels;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = ct };
        Parallel.For(
            0,
            blocks,
            options,
            () => colSink is null ? null : new TopBottom(colSink.Count, colSink.Top.K),
            (block, _, localCols) =>
            {
                ProcessBlock(a, b, block, rowSink, colIdBase, localCols, rowIdBase, ct);
                return localCols;
            },
            localCols =>
            {
                if (localCols is not null)
                {
                    lock (colSink!)
                    {
                        colSink.Merge(localCols);
                    }
                }
            });
    }

    private static unsafe void ProcessBlock(
        PackedRows a, PackedRows b, int block, TopBottom? rowSink, int colIdBase, TopBottom? colSink, int rowIdBase, CancellationToken ct)
    {
        var k = a.K;
        var firstPanel = block * BlockPanels;
        var lastPanel = Math.Min(a.Panels, firstPanel + BlockPanels);
        const int Ldc = ChunkPanels * NR;
        var sums = new float[BlockPanels * MR * Ldc];
        fixed (float* pa = a.Data)
        fixed (float* pb = b.Data)
        fixed (float* c = sums)
        {
            for (var q0 = 0; q0 < b.Panels; q0 += ChunkPanels)
            {
                ct.ThrowIfCancellationRequested();
                var qEnd = Math.Min(b.Panels, q0 + ChunkPanels);

                // d_model in slices of KC so that a B micro-panel (16 × KC floats) stays in L1 while the block's A
                // panels stream past it; the 48 × 256 partial sums live in L1/L2 between slices.
                for (var k0 = 0; k0 < k; k0 += KC)
                {
                    var kc = Math.Min(KC, k - k0);
                    for (var q = q0; q < qEnd; q++)
                    {
                        var bPanel = pb + ((long)q * k * NR) + ((long)k0 * NR);
                        for (var p = firstPanel; p < lastPanel; p++)
                        {
                            var tile = c + ((p - firstPanel) * MR * Ldc) + ((q - q0) * NR);
                            Kernel(pa + ((long)p * k * MR) + ((long)k0 * MR), bPanel, kc, tile, Ldc, accumulate: k0 > 0);
                        }
                    }
                }

                Scan(c, Ldc, firstPanel * MR, Math.Min((lastPanel - firstPanel) * MR, a.Rows - (firstPanel * MR)),
                    q0 * NR, Math.Min((qEnd - q0) * NR, b.Rows - (q0 * NR)), rowSink, colIdBase, colSink, rowIdBase);
            }
        }
    }

    /// <summary>Offers each finished sum to the sinks; one comparison with the current threshold rejects almost all.</summary>
    private static unsafe void Scan(
        float* c, int ldc, int i0, int rows, int j0, int cols, TopBottom? rowSink, int colIdBase, TopBottom? colSink, int rowIdBase)
    {
        var rowHi = rowSink?.Top.Threshold;
        var rowLo = rowSink?.NegBottom.Threshold;
        var colHi = colSink?.Top.Threshold;
        var colLo = colSink?.NegBottom.Threshold;
        for (var r = 0; r < rows; r++)
        {
            var i = i0 + r;
            var row = c + (r * ldc);
            for (var cc = 0; cc < cols; cc++)
            {
                var v = row[cc];
                var j = j0 + cc;
                if (rowHi is not null && (v > rowHi[i] || -v > rowLo![i]))
                {
                    rowSink!.Offer(i, v, colIdBase + j);
                }

                if (colHi is not null && (v > colHi[j] || -v > colLo![j]))
                {
                    colSink!.Offer(j, v, rowIdBase + i);
                }
            }
        }
    }

    /// <summary>
    /// The 6 × 16 tile at <paramref name="c"/> (rows <paramref name="ldc"/> apart) = (or +=, when
    /// <paramref name="accumulate"/>) the 6 packed A rows · the 16 packed B rows over <paramref name="k"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void Kernel(float* a, float* b, int k, float* c, int ldc, bool accumulate)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        if (accumulate)
        {
            c00 = Vector256.Load(c);
            c01 = Vector256.Load(c + 8);
            c10 = Vector256.Load(c + ldc);
            c11 = Vector256.Load(c + ldc + 8);
            c20 = Vector256.Load(c + (2 * ldc));
            c21 = Vector256.Load(c + (2 * ldc) + 8);
            c30 = Vector256.Load(c + (3 * ldc));
            c31 = Vector256.Load(c + (3 * ldc) + 8);
            c40 = Vector256.Load(c + (4 * ldc));
            c41 = Vector256.Load(c + (4 * ldc) + 8);
            c50 = Vector256.Load(c + (5 * ldc));
            c51 = Vector256.Load(c + (5 * ldc) + 8);
        }

        for (var kk = 0; kk < k; kk++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
            a += MR;
            b += NR;
        }

        c00.Store(c);
        c01.Store(c + 8);
        c10.Store(c + ldc);
        c11.Store(c + ldc + 8);
        c20.Store(c + (2 * ldc));
        c21.Store(c + (2 * ldc) + 8);
        c30.Store(c + (3 * ldc));
        c31.Store(c + (3 * ldc) + 8);
        c40.Store(c + (4 * ldc));
        c41.Store(c + (4 * ldc) + 8);
        c50.Store(c + (5 * ldc));
        c51.Store(c + (5 * ldc) + 8);
    }
}
