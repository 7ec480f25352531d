using System.Globalization;
using NeuroNav.Core;
using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus.Bench;

/// <summary>The values column alone: float32 BYTE_STREAM_SPLIT versus int32 micro-units DELTA_BINARY_PACKED / BYTE_STREAM_SPLIT.</summary>
internal static class ValueEncodings
{
    public static async Task CompareAsync(IReadOnlyList<NeuroscopeNeuron> data)
    {
        var values = data.SelectMany(n => n.Texts).SelectMany(t => t.Values).ToArray();
        var micro = Array.ConvertAll(values, v => (int)Math.Round((double)v * 1e6));
        var inexact = values.Where((v, i) => BitConverter.SingleToInt32Bits((float)(micro[i] / 1e6)) != BitConverter.SingleToInt32Bits(v)).Count();
        var reps = data.SelectMany(n => n.Texts).SelectMany(t => Enumerable.Range(0, t.Values.Length).Select(i => i == 0 ? 0 : 1)).ToArray();
        var defs = Array.ConvertAll(reps, _ => 2);
        foreach (var compression in new[] { CompressionMethod.Zstd, CompressionMethod.Snappy })
        {
            var floatBss = await SizeAsync<float>(values, defs, reps, EncodingHint.ByteSplitStream, compression);
            var intDelta = await SizeAsync<int>(micro, defs, reps, EncodingHint.DeltaBinaryPacked, compression);
            var intBss = await SizeAsync<int>(micro, defs, reps, EncodingHint.ByteSplitStream, compression);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"values {compression}: float32 BSS {floatBss / (double)values.Length:F2} B/value; int32 micro DELTA {intDelta / (double)values.Length:F2} B/value; int32 micro BSS {intBss / (double)values.Length:F2} B/value; {inexact} of {values.Length} values not exact through micro-units"));
        }
    }

    private static async Task<long> SizeAsync<T>(T[] values, int[] defs, int[] reps, EncodingHint hint, CompressionMethod compression)
        where T : struct
    {
        var field = new ListField("values", new DataField<T>("element"));
        var item = (DataField)field.Item;
        var options = new ParquetOptions { CompressionMethod = compression, CompressionLevel = System.IO.Compression.CompressionLevel.Optimal };
        options.ColumnEncodingHints[item.Path.ToString()] = hint;
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream, options))
        {
            using var rg = writer.CreateRowGroup();
            await rg.WriteAllPartsAsync<T>(item, values, defs, reps, CancellationToken.None);
        }

        return stream.Length;
    }
}
