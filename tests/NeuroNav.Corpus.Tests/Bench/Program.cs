using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Bench;
using NeuroNav.Corpus.Tests;
using Parquet;

// Usage: dotnet run -c Release --project tests/NeuroNav.Corpus.Tests/Bench -- [neurons=300] [batch=100]
var neurons = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var generator = new RealisticNeurons(seed: 42) { TextCount = 20, TokensPerText = 1024 };
var data = Enumerable.Range(0, neurons).Select(n => generator.Neuron("gpt2-small", 0, n)).ToList();
var raw = data.Sum(n => n.Provenance.Bytes);
Console.WriteLine($"{neurons} neurons x 20 texts x 1024 tokens, batches of {batch}; raw page: {raw / 1024.0 / neurons:F1} KiB/neuron");

CorpusFormat[] all =
[
    CorpusFormat.Default with { Compression = CompressionMethod.Lz4Raw },
    CorpusFormat.Default with { Compression = CompressionMethod.Zstd },
    CorpusFormat.Default with { Compression = CompressionMethod.Snappy },
    CorpusFormat.Default with { Compression = CompressionMethod.Gzip },
    CorpusFormat.Default with { Compression = CompressionMethod.Zstd, Dictionary = false },
    CorpusFormat.Default with { Compression = CompressionMethod.Snappy, Dictionary = false },
];

// A third argument measures only the first N formats.
CorpusFormat[] formats = args.Length > 2 ? [.. all.Take(int.Parse(args[2], CultureInfo.InvariantCulture))] : all;
var stores = new List<(CorpusFormat Format, CorpusStore Store, double WriteRate, List<double> Reads)>();
try
{
    foreach (var format in formats)
    {
        var store = new CorpusStore(Path.Combine(Path.GetTempPath(), "neuronav-bench-" + Guid.NewGuid().ToString("N")), format);
        var write = CpuTime.Start();
        foreach (var chunk in data.Chunk(batch))
        {
            await store.WriteBatchAsync("gpt2-small", 0, chunk, [], CancellationToken.None);
        }

        stores.Add((format, store, neurons / write.Seconds, []));
    }

    // Reads alternate between formats, round after round, so a burst of load on the shared machine hits all alike.
    for (var round = 0; round < 3; round++)
    {
        foreach (var (_, store, _, reads) in stores)
        {
            var cpu = CpuTime.Start();
            var count = 0;
            await foreach (var n in store.ReadLayerAsync("gpt2-small", 0, CancellationToken.None))
            {
                count += n.Texts.Count > 0 ? 1 : 0;
            }

            reads.Add(count / cpu.Seconds);
        }
    }

    // The first format once more after compaction: one part, row groups of ~2M tokens, the next one decoded ahead.
    var (_, first, _, _) = stores[0];
    await first.CompactAsync("gpt2-small", 0, CancellationToken.None);
    var compacted = new List<double>();
    for (var round = 0; round < 3; round++)
    {
        var cpu = CpuTime.Start();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var count = 0;
        await foreach (var n in first.ReadLayerAsync("gpt2-small", 0, CancellationToken.None))
        {
            count++;
        }

        compacted.Add(count / cpu.Seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compacted {stores[0].Format.Compression}: read {count / cpu.Seconds:F0} neurons/CPU-s, {count / wall.Elapsed.TotalSeconds:F0} neurons/s wall"));
    }

    foreach (var (format, store, writeRate, reads) in stores)
    {
        var stats = await store.StatsAsync("gpt2-small", 0, CancellationToken.None);
        var columns = await ColumnSizes.OfAsync(Path.Combine(store.Root, "neuroscope_texts"));
        reads.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{format.Compression,-6} dict={format.Dictionary,-5}: {stats.Bytes / 1024.0 / neurons,6:F1} KiB/neuron = {100.0 * stats.Bytes / raw,5:F1}% of raw; write {writeRate,4:F0} neurons/CPU-s; read {reads[1],4:F0} neurons/CPU-s (median of 3; min {reads[0]:F0}, max {reads[2]:F0}); KiB/neuron tokens {columns["tokens"] / 1024.0 / neurons:F1}, values {columns["values"] / 1024.0 / neurons:F1}"));
    }
}
finally
{
    foreach (var (_, store, _, _) in stores)
    {
        Directory.Delete(store.Root, recursive: true);
    }
}

if (args.Length <= 2)
{
    await ValueEncodings.CompareAsync(data);
    await TokenStrings.CompareAsync(data);
}
