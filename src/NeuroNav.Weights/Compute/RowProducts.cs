using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuroNav.Weights.Compute;

/// <summary>
/// All dot products between the rows of A (m × k) and the rows of B (n × k), i.e. A·Bᵀ, computed in 6 × 16 tiles by
/// a register-blocked AVX2/FMA micro-kernel and handed straight to top-k sinks, so the m × n product is never stored.
/// A is taken in blocks of 48 rows that stay in L2 while every 16-row panel of B streams past them; the blocks are
/// shared among <c>threads</c> workers.
/// </summary>
public static class RowProducts
{
    public const int MR = 6;
    public const int NR = 16;
    private const int BlockPanels = 8;

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
        var tile = stackalloc float[MR * NR];
        fixed (float* pa = a.Data)
        fixed (float* pb = b.Data)
        {
            for (var q = 0; q < b.Panels; q++)
            {
                if ((q & 255) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                var bPanel = pb + ((long)q * k * NR);
                var cols = Math.Min(NR, b.Rows - (q * NR));
                for (var p = firstPanel; p < lastPanel; p++)
                {
                    Kernel(pa + ((long)p * k * MR), bPanel, k, tile);
                    var rows = Math.Min(MR, a.Rows - (p * MR));
                    for (var r = 0; r < rows; r++)
                    {
                        var i = (p * MR) + r;
                        for (var c = 0; c < cols; c++)
                        {
                            var v = tile[(r * NR) + c];
                            var j = (q * NR) + c;
                            if (rowSink is not null && (v > rowSink.Top.Threshold[i] || -v > rowSink.NegBottom.Threshold[i]))
                            {
                                rowSink.Offer(i, v, colIdBase + j);
                            }

                            if (colSink is not null && (v > colSink.Top.Threshold[j] || -v > colSink.NegBottom.Threshold[j]))
                            {
                                colSink.Offer(j, v, rowIdBase + i);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>c[6 × 16] = the 6 packed A rows · the 16 packed B rows, over k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void Kernel(float* a, float* b, int k, float* c)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
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
        c10.Store(c + 16);
        c11.Store(c + 24);
        c20.Store(c + 32);
        c21.Store(c + 40);
        c30.Store(c + 48);
        c31.Store(c + 56);
        c40.Store(c + 64);
        c41.Store(c + 72);
        c50.Store(c + 80);
        c51.Store(c + 88);
    }
}
