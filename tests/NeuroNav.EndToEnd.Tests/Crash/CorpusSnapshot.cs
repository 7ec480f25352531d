using System.Globalization;
using DuckDB.NET.Data;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests.Crash;

/// <summary>What a corpus holds as its readers see it, without the times that differ from run to run.</summary>
internal static class CorpusSnapshot
{
    /// <summary>Stored neurons by id, and every coverage row (attempt time blanked).</summary>
    public static async Task<(Dictionary<NeuronId, NeuroscopeNeuron> Neurons, List<CoverageRow> Coverage)> ReadAsync(string root)
    {
        var corpus = new CorpusStore(root);
        var neurons = new Dictionary<NeuronId, NeuroscopeNeuron>();
        var coverage = new List<CoverageRow>();
        foreach (var (model, layer) in corpus.Partitions())
        {
            await foreach (var neuron in corpus.ReadLayerAsync(model, layer, CancellationToken.None))
            {
                neurons.Add(neuron.Id, neuron);
            }

            coverage.AddRange((await corpus.ReadCoverageAsync(model, layer, CancellationToken.None)).Select(r => r with { AttemptedAt = default }));
        }

        return (neurons, coverage);
    }

    /// <summary>Every difference between two corpora, as lines; provenance compared by URL, sha256 and size.</summary>
    public static async Task<List<string>> DifferencesAsync(string expectedRoot, string actualRoot)
    {
        var (expected, expectedCoverage) = await ReadAsync(expectedRoot);
        var (actual, actualCoverage) = await ReadAsync(actualRoot);
        var diffs = new List<string>();
        diffs.AddRange(expected.Keys.Except(actual.Keys).Select(id => $"{id}: missing"));
        diffs.AddRange(actual.Keys.Except(expected.Keys).Select(id => $"{id}: not expected"));
        foreach (var (id, want) in expected)
        {
            if (actual.TryGetValue(id, out var got))
            {
                diffs.AddRange(NeuronComparison.Differences(want, got));
                if (want.Provenance.Url != got.Provenance.Url)
                {
                    diffs.Add($"{id}: url {got.Provenance.Url}");
                }
            }
        }

        diffs.AddRange(expectedCoverage.Except(actualCoverage).Select(r => $"coverage row missing: {r}"));
        diffs.AddRange(actualCoverage.Except(expectedCoverage).Select(r => $"coverage row not expected: {r}"));
        return diffs;
    }

    /// <summary>Reads every <c>*.parquet</c> file of each table with DuckDB (as an outside reader globs them); returns rows per table.</summary>
    public static async Task<string> ReadAllPartsWithDuckDbAsync(string root)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        await db.OpenAsync();
        var counts = new List<string>();
        foreach (var table in new[] { "neuroscope_texts", "neuroscope_neurons", "coverage" })
        {
            var dir = Path.Combine(root, table);
            if (!Directory.Exists(dir) || !Directory.EnumerateFiles(dir, "*.parquet", SearchOption.AllDirectories).Any())
            {
                continue;
            }

            await using var cmd = db.CreateCommand();
            cmd.CommandText = $"select count(*) from read_parquet('{root}/{table}/**/*.parquet', hive_partitioning=true)";
            var rows = Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            counts.Add(string.Create(CultureInfo.InvariantCulture, $"{table} {rows}"));
        }

        return string.Join(", ", counts);
    }
}
