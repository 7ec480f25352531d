using System.Globalization;
using DuckDB.NET.Data;
using NeuroNav.Cli;
using NeuroNav.TestKit;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests;

public sealed class CompactTests
{
    [Fact]
    public async Task Compact_leaves_one_copy_of_each_refetched_neuron_for_DuckDB()
    {
        using var dir = new TempDirectory("neuronav-compact");
        var corpus = dir.Combine("corpus");
        await using var mirror = await SampleMirrorServer.StartAsync();
        string[] scrape = ["scrape", "--model", "gpt2-small", "--layers", "3", "--neurons", "0-5", "--base-url", mirror.BaseAddress.ToString(), "--corpus", corpus, "--rps", "100"];

        Assert.Equal(0, await NeuroNavApp.RunAsync(scrape, new TestConsole()));
        Assert.Equal(0, await NeuroNavApp.RunAsync([.. scrape, "--refresh"], new TestConsole()));
        Assert.Equal(6L, await DuplicatesAsync(corpus));

        var console = new TestConsole().Width(200);
        Assert.Equal(0, await NeuroNavApp.RunAsync(["compact", "--corpus", corpus], console));

        Assert.Contains("compacted gpt2-small layer 3", console.Output, StringComparison.Ordinal);
        Assert.Equal(0L, await DuplicatesAsync(corpus));
        Assert.Single(Directory.GetFiles(Path.Combine(corpus, "neuroscope_neurons", "model=gpt2-small", "layer=3"), "*.parquet"));
    }

    private static async Task<long> DuplicatesAsync(string corpus)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"select count(*) - count(distinct neuron) from read_parquet('{corpus}/neuroscope_neurons/**/*.parquet', hive_partitioning=true)";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
