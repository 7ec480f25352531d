using NeuroNav.Core;
using NeuroNav.TestKit;
using static NeuroNav.Fetch.Tests.Scrape.ScrapeSetup;

namespace NeuroNav.Fetch.Tests.Scrape;

public sealed class ScraperOutcomeTests
{
    [Fact]
    public async Task Scraper_stores_a_served_page_as_present_with_provenance()
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 1337, 1338);
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server), Target(1337, 1338));

        Assert.Equal((1, 1, 0, 0, 0, 0, false), (report.Requested, report.Fetched, report.Skipped, report.MissingUpstream, report.Failed, report.Invalid, report.Cancelled));
        Assert.Empty(report.Problems);
        var neuron = Assert.Single(Stored(corpus)).Value;
        var page = NeuroscopePages.Page(Layer, 1337);
        var url = server.Url(NeuroscopePages.PathOf(Layer, 1337)).AbsoluteUri;
        Assert.Equal(new NeuronId("gpt2-small", 3, 1337), neuron.Id);
        Assert.Equal(2, neuron.Texts.Count);
        Assert.Equal(url, neuron.Provenance.Url);
        Assert.Equal(Hashing.Sha256Hex(page), neuron.Provenance.Sha256);
        Assert.Equal(page.Length, neuron.Provenance.Bytes);
        Assert.Equal(TimeSpan.Zero, neuron.Provenance.FetchedAt.Offset);
        var row = Assert.Single(Coverage(corpus)).Value;
        Assert.Equal((CoverageStatus.Present, "neuroscope", url, (int?)200, (string?)null), (row.Status, row.Source, row.Url, row.HttpStatus, row.Reason));
    }

    [Fact]
    public async Task Scraper_records_404_as_missing_upstream_without_retrying()
    {
        await using var server = await ScriptedServer.StartAsync();
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server), Target(10, 11));

        Assert.Equal(1, report.MissingUpstream);
        Assert.Equal(1, server.CountRequests(NeuroscopePages.PathOf(Layer, 10)));
        var row = Assert.Single(report.Problems);
        Assert.Equal((CoverageStatus.MissingUpstream, (int?)404), (row.Status, row.HttpStatus));
        Assert.Contains("HTTP 404", row.Reason, StringComparison.Ordinal);
        Assert.Empty(Stored(corpus));
        Assert.Equal(CoverageStatus.MissingUpstream, Coverage(corpus)[10].Status);
    }

    [Fact]
    public async Task Scraper_records_410_as_missing_upstream()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map(NeuroscopePages.PathOf(Layer, 10), ScriptedResponse.Empty(410));
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server), Target(10, 11));

        Assert.Equal(1, report.MissingUpstream);
        Assert.Equal(CoverageStatus.MissingUpstream, Coverage(corpus)[10].Status);
    }

    [Fact]
    public async Task Scraper_retries_500_then_records_failed_naming_status_and_attempts()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map(NeuroscopePages.PathOf(Layer, 10), ScriptedResponse.Empty(500));
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server) with { MaxRetries = 3 }, Target(10, 11));

        Assert.Equal(4, server.CountRequests(NeuroscopePages.PathOf(Layer, 10)));
        Assert.Equal(1, report.Failed);
        var row = Coverage(corpus)[10];
        Assert.Equal((CoverageStatus.Failed, (int?)500), (row.Status, row.HttpStatus));
        Assert.Contains("HTTP 500", row.Reason, StringComparison.Ordinal);
        Assert.Contains("4 attempts", row.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scraper_succeeds_when_a_503_clears_before_retries_run_out()
    {
        await using var server = await ScriptedServer.StartAsync();
        var path = NeuroscopePages.PathOf(Layer, 10);
        server.Map(path, ScriptedResponse.Empty(503), ScriptedResponse.Empty(502), ScriptedResponse.Bytes(NeuroscopePages.Page(Layer, 10)));
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server), Target(10, 11));

        Assert.Equal(1, report.Fetched);
        Assert.Equal(3, server.CountRequests(path));
        Assert.True(Stored(corpus).ContainsKey(10));
    }

    [Fact]
    public async Task Scraper_waits_for_Retry_After_on_429_then_succeeds()
    {
        await using var server = await ScriptedServer.StartAsync();
        var path = NeuroscopePages.PathOf(Layer, 10);
        server.Map(path, ScriptedResponse.Empty(429).WithHeader("Retry-After", "1"), ScriptedResponse.Bytes(NeuroscopePages.Page(Layer, 10)));
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server), Target(10, 11));

        Assert.Equal(1, report.Fetched);
        var requests = server.Requests.Where(r => r.Path == path).ToList();
        Assert.Equal(2, requests.Count);
        // Backoff alone would wait about a millisecond; the second request waited for the server's second.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task Scraper_records_page_of_another_neuron_as_invalid_with_reason()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map(NeuroscopePages.PathOf(Layer, 10), ScriptedResponse.Bytes(NeuroscopePages.Page(Layer, 11)));
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server), Target(10, 11));

        Assert.Equal(1, report.Invalid);
        var row = Assert.Single(report.Problems);
        Assert.Equal((CoverageStatus.Invalid, (int?)200), (row.Status, row.HttpStatus));
        Assert.Contains("11", row.Reason, StringComparison.Ordinal);
        Assert.Empty(Stored(corpus));
        Assert.Equal(1, server.CountRequests(NeuroscopePages.PathOf(Layer, 10)));
    }

    [Fact]
    public async Task Scraper_records_garbage_body_as_invalid()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map(NeuroscopePages.PathOf(Layer, 10), ScriptedResponse.Html("<html><body>Service moved</body></html>"));
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server), Target(10, 11));

        var row = Assert.Single(report.Problems);
        Assert.Equal(CoverageStatus.Invalid, row.Status);
        Assert.False(string.IsNullOrWhiteSpace(row.Reason));
    }

    [Fact]
    public async Task Scraper_records_a_timeout_as_failed_after_retrying()
    {
        await using var server = await ScriptedServer.StartAsync();
        var path = NeuroscopePages.PathOf(Layer, 10);
        server.Map(path, ScriptedResponse.Bytes(NeuroscopePages.Page(Layer, 10)).After(TimeSpan.FromSeconds(5)));
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server) with { Timeout = TimeSpan.FromMilliseconds(200), MaxRetries = 1 }, Target(10, 11));

        Assert.Equal(1, report.Failed);
        Assert.Equal(2, server.CountRequests(path));
        var row = Coverage(corpus)[10];
        Assert.Null(row.HttpStatus);
        Assert.Contains("timed out", row.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scraper_records_connection_resets_as_failed_network_errors()
    {
        await using var server = await ScriptedServer.StartAsync();
        var path = NeuroscopePages.PathOf(Layer, 10);
        server.Map(path, ScriptedResponse.Reset());
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server), Target(10, 11));

        Assert.Equal(1, report.Failed);
        Assert.Equal(3, server.CountRequests(path));
        Assert.Contains("network error", Coverage(corpus)[10].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scraper_goes_on_past_troubled_neurons_and_reports_each_status()
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 10, 20);
        server.Map(NeuroscopePages.PathOf(Layer, 12), ScriptedResponse.Empty(404));
        server.Map(NeuroscopePages.PathOf(Layer, 15), ScriptedResponse.Empty(500));
        server.Map(NeuroscopePages.PathOf(Layer, 17), ScriptedResponse.Html("garbage"));
        var corpus = new InMemoryCorpus();

        var report = await RunAsync(corpus, Options(server), Target(10, 20));

        Assert.Equal((10, 7, 1, 1, 1), (report.Requested, report.Fetched, report.MissingUpstream, report.Failed, report.Invalid));
        Assert.Equal([12, 15, 17], report.Problems.Select(r => r.Neuron));
        Assert.Equal([10, 11, 13, 14, 16, 18, 19], Stored(corpus).Keys.Order());
        Assert.Equal(10, Coverage(corpus).Count);
    }

    [Fact]
    public async Task Base_url_with_a_path_and_no_trailing_slash_keeps_its_path()
    {
        await using var server = await ScriptedServer.StartAsync();
        var path = "/mirror/neuroscope" + NeuroscopePages.PathOf(Layer, 10);
        server.Map(path, ScriptedResponse.Bytes(NeuroscopePages.Page(Layer, 10)));
        var corpus = new InMemoryCorpus();
        var options = Options(server) with { BaseUrl = new Uri(server.BaseAddress, "mirror/neuroscope") };

        var report = await RunAsync(corpus, options, Target(10, 11));

        Assert.Equal(1, report.Fetched);
        Assert.Equal(server.Url(path).AbsoluteUri, Stored(corpus)[10].Provenance.Url);
    }
}
