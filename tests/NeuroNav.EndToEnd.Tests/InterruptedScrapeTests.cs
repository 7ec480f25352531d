using DuckDB.NET.Data;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch;
using NeuroNav.Sample;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests;

public sealed class InterruptedScrapeTests
{
    [Fact]
    public async Task A_rerun_after_an_interrupted_scrape_finishes_the_job_without_refetching_what_is_stored()
    {
        using var dir = new TempDirectory("neuronav-resume");
        var corpus = new CorpusStore(dir.Combine("corpus"));
        await using var mirror = await SampleMirrorServer.StartAsync();
        var options = SampleSite.FetchOptions(mirror.BaseAddress) with { Concurrency = 2 };
        var expected = SampleMirror.Neurons(SampleSite.Catalog);

        using var stop = new CancellationTokenSource();
        var first = await new NeuroscopeScraper(corpus, options).RunAsync(SampleSite.Targets, new CancelAfter(20, stop), stop.Token);

        Assert.True(first.Cancelled);
        var kept = await StoredAsync(corpus);
        Assert.InRange(kept.Count, 1, expected.Count - 1);

        var second = await new NeuroscopeScraper(corpus, options).RunAsync(SampleSite.Targets, null, CancellationToken.None);

        Assert.False(second.Cancelled);
        Assert.Equal(expected.Count - kept.Count, second.Fetched);
        var all = await StoredAsync(corpus);
        Assert.Equal(expected.Select(n => n.Id).Order(NeuronOrder), all.Keys.Order(NeuronOrder));
        foreach (var (id, provenance) in kept)
        {
            Assert.Equal(provenance, all[id]);
        }

        using var db = new DuckDBConnection("DataSource=:memory:");
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"select count(*) - count(distinct (model, layer, neuron)) from read_parquet('{corpus.Root}/neuroscope_neurons/**/*.parquet', hive_partitioning=true)";
        Assert.Equal(0L, Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static readonly IComparer<NeuronId> NeuronOrder =
        Comparer<NeuronId>.Create((a, b) => (a.Model, a.Layer, a.Neuron).CompareTo((b.Model, b.Layer, b.Neuron)));

    private static async Task<Dictionary<NeuronId, Provenance>> StoredAsync(CorpusStore corpus)
    {
        var stored = new Dictionary<NeuronId, Provenance>();
        foreach (var (model, layer) in corpus.Partitions())
        {
            await foreach (var neuron in corpus.ReadLayerAsync(model, layer, CancellationToken.None))
            {
                stored.Add(neuron.Id, neuron.Provenance);
            }
        }

        return stored;
    }

    /// <summary>Presses Ctrl+C once <paramref name="pages"/> neurons have been fetched.</summary>
    private sealed class CancelAfter(int pages, CancellationTokenSource cts) : IProgress<ScrapeProgress>
    {
        public void Report(ScrapeProgress value)
        {
            if (value.Done - value.Skipped >= pages)
            {
                cts.Cancel();
            }
        }
    }
}
