using System.Globalization;
using System.Runtime.InteropServices;
using NeuroNav.Core;

namespace NeuroNav.Corpus.Bench;

/// <summary>Turning the ReadOnlyMemory&lt;char&gt; tokens of a row group into strings: the pool versus ToString per token.</summary>
internal static class TokenStrings
{
    public static async Task CompareAsync(IReadOnlyList<NeuroscopeNeuron> data)
    {
        var root = Path.Combine(Path.GetTempPath(), "neuronav-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new CorpusStore(root);
            await store.WriteBatchAsync("gpt2-small", 0, [.. data.Take(100)], [], CancellationToken.None);
            var path = Directory.EnumerateFiles(Path.Combine(root, "neuroscope_texts"), "part-*.parquet", SearchOption.AllDirectories).Single();
            await using var file = await PartFile.OpenAsync(path, CancellationToken.None);
            var chunk = await TextsTable.ReadRowGroupAsync(file, 0, CancellationToken.None);
            var tokens = chunk.Tokens.Length;
            var columnsOnly = CpuTime.Start();
            for (var run = 0; run < 3; run++)
            {
                chunk = await TextsTable.ReadRowGroupAsync(file, 0, CancellationToken.None);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"texts row group, columns only: {3 * tokens / columnsOnly.Seconds / 1e6:F1} M tokens per CPU-second"));
            foreach (var column in new[] { "tokens", "values" })
            {
                var field = file.Column(column);
                var one = CpuTime.Start();
                for (var run = 0; run < 3; run++)
                {
                    if (column == "tokens")
                    {
                        await file.ReadRowGroupAsync(0, rg => Columns.ListAsync<ReadOnlyMemory<char>>(rg, field, CancellationToken.None));
                    }
                    else
                    {
                        await file.ReadRowGroupAsync(0, rg => Columns.ListAsync<float>(rg, field, CancellationToken.None));
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {column} column alone: {3 * tokens / one.Seconds / 1e6:F1} M tokens per CPU-second"));
            }

            var distinctArrays = chunk.Tokens.Select(m => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(m, out var seg) ? seg.Array : null).Distinct(ReferenceEqualityComparer.Instance).Count();
            Console.WriteLine($"row group of {tokens} tokens: {distinctArrays} distinct backing arrays, {chunk.Tokens.Select(m => m.ToString()).Distinct().Count()} distinct tokens");
            var pool = new StringPool();
            foreach (var (name, convert) in new (string, Func<ReadOnlyMemory<char>, string>)[]
            {
                ("content pool", m => pool.Get(m.Span)),
                ("ToString", m => m.ToString()),
                ("array cache", m => ArrayCache.Get(m)),
                ("content pool", m => pool.Get(m.Span)),
            })
            {
                var cpu = CpuTime.Start();
                for (var run = 0; run < 3; run++)
                {
                    foreach (var m in chunk.Tokens)
                    {
                        _ = convert(m);
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"tokens -> string, {name}: {3 * tokens / cpu.Seconds / 1e6:F1} M tokens per CPU-second"));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

internal static class ArrayCache
{
    private static readonly Dictionary<char[], string> Cache = new(ReferenceEqualityComparer.Instance);

    public static string Get(ReadOnlyMemory<char> m)
    {
        if (MemoryMarshal.TryGetArray(m, out var seg) && seg.Offset == 0 && seg.Count == seg.Array!.Length)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(Cache, seg.Array, out _);
            return slot ??= m.ToString();
        }

        return m.ToString();
    }
}
