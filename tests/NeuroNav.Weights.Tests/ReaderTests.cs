using NeuroNav.Sample.Weights;
using NeuroNav.Weights.Compute;
using NeuroNav.Weights.Files;
using NeuroNav.Weights.Tests.Kit;

namespace NeuroNav.Weights.Tests;

public sealed class ReaderTests
{
    [Theory]
    [InlineData(TensorDType.F16)]
    [InlineData(TensorDType.BF16)]
    public void Half_precision_safetensors_are_widened_to_the_stored_values(TensorDType dtype)
    {
        var model = new SyntheticModel("gelu", 1, 8, 4, 10, seed: 3, tied: true);
        using var written = new WrittenModel("gpt2", model, 10, dtype: dtype);
        using var file = new SafetensorsFile(written.FilePath);
        Assert.True(file.TryGet("h.0.mlp.c_proj.weight", out var info));
        Assert.Equal(dtype, info.DType);
        var values = new float[info.Count];
        file.Read(info, values);
        for (var n = 0; n < 8; n++)
        {
            for (var d = 0; d < 4; d++)
            {
                var x = model.WOut[0][n, d];
                var stored = dtype == TensorDType.F16 ? (float)(Half)x : BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) & unchecked((int)0xFFFF0000));
                Assert.Equal(stored, values[(n * 4) + d]);
            }
        }

        Assert.False(file.TryGet("h.0.attn.masked_bias", out _));
    }

    [Fact]
    public void Torch_zip_reads_half_storages_and_transposed_views()
    {
        var model = new SyntheticModel("solu", 1, 6, 4, 5, seed: 4, tied: false);
        var folder = Directory.CreateTempSubdirectory("neuronav-weights-").FullName;
        var path = Path.Combine(folder, "m.pth");
        TorchWriter.WriteTl(path, model, half: true);
        using var cleanup = new Cleanup(folder);
        using var file = new TorchZipFile(path);
        Assert.True(file.TryGet("unembed.W_U", out var wu));
        Assert.Equal([4L, 5L], wu.Shape);
        var values = new float[wu.Count];
        file.Read(wu, values);
        for (var d = 0; d < 4; d++)
        {
            for (var t = 0; t < 5; t++)
            {
                Assert.Equal((float)(Half)model.WU[d, t], values[(d * 5) + t]);
            }
        }
    }

    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(13, 37, 5, 1)]
    [InlineData(50, 70, 33, 2)]
    [InlineData(61, 300, 600, 2)]
    public void Products_keep_the_true_top_k_on_ragged_shapes(int m, int n, int k, int threads)
    {
        var rng = new Random(m + n + k);
        var a = Enumerable.Range(0, m * k).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var b = Enumerable.Range(0, n * k).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var rows = new TopBottom(m, 3);
        var cols = new TopBottom(n, 3);
        RowProducts.Run(RowProducts.PackA(a, m, k), RowProducts.PackB(b, n, k), rows, 1000, cols, 2000, threads, CancellationToken.None);
        double Dot(int i, int j) => Enumerable.Range(0, k).Sum(x => (double)a[(i * k) + x] * b[(j * k) + x]);
        for (var i = 0; i < m; i++)
        {
            var expected = Enumerable.Range(0, n).OrderByDescending(j => Dot(i, j)).Take(3).Select(j => 1000 + j);
            Assert.Equal(expected, rows.Highest(i).Select(p => p.Id));
            var lowest = Enumerable.Range(0, n).OrderBy(j => Dot(i, j)).Take(3).Select(j => 1000 + j);
            Assert.Equal(lowest, rows.Lowest(i).Select(p => p.Id));
        }

        for (var j = 0; j < n; j++)
        {
            var expected = Enumerable.Range(0, m).OrderByDescending(i => Dot(i, j)).Take(3).Select(i => 2000 + i);
            Assert.Equal(expected, cols.Highest(j).Select(p => p.Id));
        }
    }

    [Fact]
    public void A_cancelled_run_stops_with_OperationCanceledException()
    {
        var a = RowProducts.PackA(new float[60 * 8], 60, 8);
        var b = RowProducts.PackB(new float[40 * 8], 40, 8);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => RowProducts.Run(a, b, new TopBottom(60, 2), 0, null, 0, 2, cts.Token));
    }

    private sealed class Cleanup(string folder) : IDisposable
    {
        public void Dispose() => Directory.Delete(folder, recursive: true);
    }
}
