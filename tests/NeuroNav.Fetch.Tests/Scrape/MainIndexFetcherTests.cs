using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Scrape;

public sealed class MainIndexFetcherTests
{
    [Fact]
    public async Task Main_index_is_fetched_from_the_base_url_root()
    {
        await using var server = await ScriptedServer.StartAsync();
        const string Index = "\n<h1>Neuroscope: A Website for Mechanistic Interpretability of Language Models</h1>\n<table border=\"1\" class=\"dataframe\"></table>\n";
        server.Map("/", ScriptedResponse.Html(Index));

        var html = await MainIndexFetcher.GetAsync(ScrapeSetup.Options(server), CancellationToken.None);

        Assert.Equal(Index, html);
        Assert.Equal(FetchOptions.DefaultUserAgent, Assert.Single(server.Requests).UserAgent);
    }

    [Fact]
    public async Task Main_index_that_cannot_be_fetched_throws_naming_the_url()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map("/", ScriptedResponse.Empty(503));

        var e = await Assert.ThrowsAsync<SourceFetchException>(() => MainIndexFetcher.GetAsync(ScrapeSetup.Options(server), CancellationToken.None));

        Assert.Equal(server.BaseAddress, e.Url);
        Assert.Contains(server.BaseAddress.AbsoluteUri, e.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", e.Message, StringComparison.Ordinal);
    }
}
