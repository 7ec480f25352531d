using NeuroNav.TestKit;
using Parquet;
using Parquet.Meta;

namespace NeuroNav.Corpus.Tests;

/// <summary>Parquet.Net does not dictionary-encode by default; the store must ask for every chosen encoding.</summary>
public sealed class FormatTests : IDisposable
{
    private readonly TempDirectory temp = new("neuronav-corpus");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Texts_use_dictionary_tokens_byte_stream_split_values_and_no_partition_columns()
    {
        var store = new CorpusStore(temp.Path);
        var generator = new RealisticNeurons { TextCount = 2, TokensPerText = 100 };
        await store.WriteBatchAsync("gpt2-small", 1, [generator.Neuron("gpt2-small", 1, 0), generator.Neuron("gpt2-small", 1, 1)], [], CancellationToken.None);
        var path = Directory.GetFiles(temp.Combine("neuroscope_texts", "model=gpt2-small", "layer=1")).Single();

        await using var reader = await ParquetReader.CreateAsync(path);
        using var rg = reader.OpenRowGroupReader(0);
        var encodings = reader.Schema.DataFields.ToDictionary(f => f.Path.FirstPart!, f => rg.GetMetadata(f)!.MetaData!);

        Assert.Equal(1, reader.RowGroupCount);
        Assert.Contains(encodings["tokens"].Encodings, e => e is Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY);
        Assert.Contains(encodings["dataset"].Encodings, e => e is Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY);
        Assert.Contains(Encoding.BYTE_STREAM_SPLIT, encodings["values"].Encodings);
        Assert.Contains(Encoding.DELTA_BINARY_PACKED, encodings["neuron"].Encodings);
        Assert.All(encodings.Values, m => Assert.Equal(CompressionCodec.LZ4_RAW, m.Codec));
        Assert.DoesNotContain("model", encodings.Keys);
        Assert.DoesNotContain("layer", encodings.Keys);
    }
}
