using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus;

/// <summary>How part files are encoded. <see cref="Default"/> is what the store writes; the others exist for measurements.</summary>
/// <param name="Compression">Codec of every column chunk.</param>
/// <param name="Dictionary">Dictionary-encode string columns (tokens, dataset, source, status).</param>
/// <param name="RowGroupTokens">Compaction starts a new row group once this many tokens are buffered.</param>
public sealed record CorpusFormat(CompressionMethod Compression, bool Dictionary, int RowGroupTokens)
{
    public static readonly CorpusFormat Default = new(CompressionMethod.Lz4Raw, Dictionary: true, RowGroupTokens: 2_000_000);

    /// <summary>Writer options: Optimal level (SmallestSize is ~40x slower for Zstd) and explicit per-column encodings.</summary>
    internal ParquetOptions WriterOptions(IEnumerable<DataField> dictionary, IEnumerable<DataField> byteStreamSplit, IEnumerable<DataField> delta)
    {
        var options = new ParquetOptions { CompressionMethod = Compression, CompressionLevel = CompressionLevel.Optimal };
        foreach (var field in dictionary.Where(_ => Dictionary))
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }

        foreach (var field in byteStreamSplit)
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.ByteSplitStream;
        }

        foreach (var field in delta)
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.DeltaBinaryPacked;
        }

        return options;
    }
}
