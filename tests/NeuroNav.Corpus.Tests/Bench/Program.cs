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
var raw = data.Sum(RawPageSize.Of);
Console.WriteLine($"{neurons} neurons x 20 texts x 1024 tokens, batches of {batch}; estimated raw page: {raw / 1024.0 / neurons:F1} KiB/neuron");

CorpusFormat[] formats = args.Length > 2 ? [] :
[
    CorpusFormat.Default,
    CorpusFormat.Default with { Compression = CompressionMethod.Snappy },
    CorpusFormat.Default with { Dictionary = false },
    CorpusFormat.Default with { Compression = CompressionMethod.Snappy, Dictionary = false },
];
foreach (var format in formats)
{
    var root = Path.Combine(Path.GetTempPath(), "neuronav-bench-" + Guid.NewGuid().ToString("N"));
    try
    {
        var store = new CorpusStore(root, format);
        var write = CpuTime.Start();
        foreach (var chunk in data.Chunk(batch))
        {
            await store.WriteBatchAsync("gpt2-small", 0, chunk, [], CancellationToken.None);
        }

        var writeSeconds = write.Seconds;
        var stats = await store.StatsAsync("gpt2-small", 0, CancellationToken.None);
        var columns = await ColumnSizes.OfAsync(Path.Combine(root, "neuroscope_texts"));
        var reads = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var cpu = CpuTime.Start();
            long tokens = 0, count = 0;
            await foreach (var n in store.ReadLayerAsync("gpt2-small", 0, CancellationToken.None))
            {
                count++;
                foreach (var t in n.Texts)
                {
                    tokens += t.Tokens.Length;
                }
            }

            reads.Add(count / cpu.Seconds);
        }

        reads.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{format.Compression,-6} dict={format.Dictionary,-5}: {stats.Bytes / 1024.0 / neurons,6:F1} KiB/neuron = {100.0 * stats.Bytes / raw,5:F1}% of raw; write {neurons / writeSeconds,5:F0} neurons/CPU-s; read (median of 3) {reads[1],5:F0} neurons/CPU-s; columns KiB/neuron: {string.Join(", ", columns.Select(c => $"{c.Key}={c.Value / 1024.0 / neurons:F1}"))}"));
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
}

await ValueEncodings.CompareAsync(data);
await TokenStrings.CompareAsync(data);
