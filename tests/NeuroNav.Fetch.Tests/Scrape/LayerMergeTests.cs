using NeuroNav.TestKit;
using static NeuroNav.Fetch.Tests.Scrape.ScrapeSetup;

namespace NeuroNav.Fetch.Tests.Scrape;

/// <summary>The loop plans and batches per layer, however the ranges of that layer were given.</summary>
public sealed class LayerMergeTests
{
    [Fact]
    public async Task Ranges_of_one_layer_share_batches_and_a_neuron_named_twice_is_fetched_once()
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 10, 20);
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server) with { BatchSize = 100 }, Target(10, 13), Target(16, 20), Target(12, 14));

        Assert.Equal((8L, 8L), (report.Requested, report.Fetched));
        var batch = Assert.Single(corpus.Batches);
        Assert.Equal([10, 11, 12, 13, 16, 17, 18, 19], batch.Coverage.Select(r => r.Neuron));
        Assert.Equal(1, server.CountRequests(NeuroscopePages.PathOf(Layer, 12)));
    }
}
