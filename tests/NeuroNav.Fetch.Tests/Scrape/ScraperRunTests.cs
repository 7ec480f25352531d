using NeuroNav.Core;
using NeuroNav.TestKit;
using static NeuroNav.Fetch.Tests.Scrape.ScrapeSetup;

namespace NeuroNav.Fetch.Tests.Scrape;

public sealed class ScraperRunTests
{
    [Fact]
    public async Task Second_run_fetches_nothing_stored_or_settled_and_retries_only_the_failed()
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 10, 15);
        server.Map(NeuroscopePages.PathOf(Layer, 12), ScriptedResponse.Empty(404));
        server.Map(NeuroscopePages.PathOf(Layer, 13), ScriptedResponse.Empty(500));
        server.Map(NeuroscopePages.PathOf(Layer, 14), ScriptedResponse.Bytes(NeuroscopePages.Page(Layer, 99)));
        var corpus = new InMemoryCorpus();
        await RunAsync(corpus, Options(server), Target(10, 15));
        server.Map(NeuroscopePages.PathOf(Layer, 13), ScriptedResponse.Bytes(NeuroscopePages.Page(Layer, 13)));
        var before = server.Requests.Count;

        var report = await RunAsync(corpus, Options(server), Target(10, 15));

        Assert.Equal([NeuroscopePages.PathOf(Layer, 13)], server.Requests.Skip(before).Select(r => r.Path));
        Assert.Equal((4, 1, 0L), (report.Skipped, report.Fetched, report.Failed));
        Assert.Equal([10, 11, 13], Stored(corpus).Keys.Order());
        Assert.Equal(CoverageStatus.Present, Coverage(corpus)[13].Status);
    }

    [Fact]
    public async Task Refresh_refetches_stored_missing_and_invalid_neurons()
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 10, 13);
        server.Map(NeuroscopePages.PathOf(Layer, 12), ScriptedResponse.Empty(404));
        var corpus = new InMemoryCorpus();
        await RunAsync(corpus, Options(server), Target(10, 13));
        ServePages(server, 12, 13);
        var before = server.Requests.Count;

        var report = await RunAsync(corpus, Options(server) with { Refresh = true }, Target(10, 13));

        Assert.Equal(3, server.Requests.Count - before);
        Assert.Equal((0, 3), (report.Skipped, report.Fetched));
        Assert.Equal([10, 11, 12], Stored(corpus).Keys.Order());
    }

    [Fact]
    public async Task Cancellation_mid_run_stores_what_was_fetched_and_reports_cancelled()
    {
        await using var server = await ScriptedServer.StartAsync();
        for (var n = 10; n < 40; n++)
        {
            server.Map(NeuroscopePages.PathOf(Layer, n), ScriptedResponse.Bytes(NeuroscopePages.Page(Layer, n)).After(TimeSpan.FromMilliseconds(30)));
        }

        var corpus = new InMemoryCorpus();
        using var cts = new CancellationTokenSource();
        var progress = new InlineProgress(p =>
        {
            if (p.Done >= 5)
            {
                cts.Cancel();
            }
        });
        var scraper = new NeuroscopeScraper(corpus, Options(server) with { Concurrency = 2, BatchSize = 100 });

        var report = await scraper.RunAsync([Target(10, 40)], progress, cts.Token);

        Assert.True(report.Cancelled);
        Assert.InRange(report.Fetched, 5, 29);
        Assert.True(server.Requests.Count < 30, $"{server.Requests.Count} requests after cancelling");
        var stored = Stored(corpus);
        Assert.Equal(report.Fetched, stored.Count);
        Assert.All(Coverage(corpus).Values, row => Assert.True(stored.ContainsKey(row.Neuron), $"neuron {row.Neuron} has coverage but no data"));
    }

    [Fact]
    public async Task Cancelled_before_start_fetches_nothing_and_reports_cancelled()
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 10, 12);
        var corpus = new InMemoryCorpus();

        var report = await new NeuroscopeScraper(corpus, Options(server)).RunAsync([Target(10, 12)], null, new CancellationToken(canceled: true));

        Assert.True(report.Cancelled);
        Assert.Empty(server.Requests);
        Assert.Empty(corpus.Batches);
    }

    [Fact]
    public async Task Batches_hold_at_most_batch_size_neurons_sorted_by_neuron()
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 10, 18);
        // Neuron 10 finishes last, so without sorting its batch would list it after higher neurons.
        server.Map(NeuroscopePages.PathOf(Layer, 10), ScriptedResponse.Bytes(NeuroscopePages.Page(Layer, 10)).After(TimeSpan.FromMilliseconds(300)));
        var corpus = new InMemoryCorpus();

        await RunAsync(corpus, Options(server) with { BatchSize = 3, Concurrency = 3 }, Target(10, 18));

        Assert.Equal([3, 3, 2], corpus.Batches.Select(b => b.Coverage.Count));
        Assert.All(corpus.Batches, b =>
        {
            Assert.Equal(b.Coverage.Select(r => r.Neuron).Order(), b.Coverage.Select(r => r.Neuron));
            Assert.Equal(b.Neurons.Select(n => n.Id.Neuron).Order(), b.Neurons.Select(n => n.Id.Neuron));
            Assert.Equal((NeuroscopePages.Model, Layer), (b.Model, b.Layer));
        });
        Assert.Equal(Enumerable.Range(10, 8), corpus.Batches.SelectMany(b => b.Coverage).Select(r => r.Neuron).Order());
    }

    [Fact]
    public async Task Every_request_names_NeuroNav_in_its_User_Agent()
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 10, 13);

        await RunAsync(new InMemoryCorpus(), Options(server), Target(10, 13));

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(FetchOptions.DefaultUserAgent, r.UserAgent));
        Assert.StartsWith("NeuroNav/", FetchOptions.DefaultUserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_in_flight_never_exceed_the_concurrency_limit()
    {
        await using var server = await ScriptedServer.StartAsync();
        for (var n = 10; n < 34; n++)
        {
            server.Map(NeuroscopePages.PathOf(Layer, n), ScriptedResponse.Bytes(NeuroscopePages.Page(Layer, n)).After(TimeSpan.FromMilliseconds(40)));
        }

        var report = await RunAsync(new InMemoryCorpus(), Options(server) with { Concurrency = 3 }, Target(10, 34));

        Assert.Equal(24, report.Fetched);
        Assert.InRange(server.MaxConcurrentRequests, 2, 3);
    }

    [Fact]
    public async Task Request_rate_stays_under_the_requests_per_second_cap()
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 10, 16);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await RunAsync(new InMemoryCorpus(), Options(server) with { RequestsPerSecond = 5 }, Target(10, 16));

        // At 5 per second with a one-request bucket, 6 requests take at least 5 refills of 200 ms; unthrottled they take a few ms.
        Assert.Equal(6, server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"6 requests in {clock.Elapsed}");
    }

    [Fact]
    public async Task Progress_counts_every_neuron_skipped_or_fetched_up_to_the_total()
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 10, 14);
        server.Map(NeuroscopePages.PathOf(Layer, 13), ScriptedResponse.Empty(500));
        var corpus = new InMemoryCorpus();
        await RunAsync(corpus, Options(server), Target(10, 12));
        var seen = new List<ScrapeProgress>();
        var progress = new InlineProgress(p =>
        {
            lock (seen)
            {
                seen.Add(p);
            }
        });

        await new NeuroscopeScraper(corpus, Options(server) with { MaxRetries = 0 }).RunAsync([Target(10, 14)], progress, CancellationToken.None);

        var last = seen.MaxBy(p => p.Done)!;
        Assert.Equal(new ScrapeProgress(4, 4, 2, 1), last);
        Assert.All(seen, p => Assert.Equal(4, p.Total));
    }

    [Fact]
    public async Task Targets_on_several_layers_write_each_layer_separately()
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 10, 12);
        server.Map(NeuroscopePages.PathOf(4, 10), ScriptedResponse.Bytes(NeuroscopePages.Page(4, 10)));
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server), Target(10, 12), new ScrapeTarget(NeuroscopePages.Model, 4, 10, 11));

        Assert.Equal(3, report.Fetched);
        Assert.Equal([(3, 2), (4, 1)], corpus.Batches.Select(b => (b.Layer, b.Neurons.Count)));
        Assert.Equal(4, corpus.Stored(NeuroscopePages.Model, 4)[10].Id.Layer);
    }

    [Theory]
    [InlineData("GPT2", 0, 0, 1)]
    [InlineData("gpt2-small", -1, 0, 1)]
    [InlineData("gpt2-small", 0, 5, 4)]
    [InlineData("gpt2-small", 0, -1, 2)]
    public async Task Invalid_targets_are_refused_before_any_request(string model, int layer, int first, int end)
    {
        await using var server = await ScriptedServer.StartAsync();
        var scraper = new NeuroscopeScraper(new InMemoryCorpus(), Options(server));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => scraper.RunAsync([new ScrapeTarget(model, layer, first, end)], null, CancellationToken.None));

        Assert.Contains(model, e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
