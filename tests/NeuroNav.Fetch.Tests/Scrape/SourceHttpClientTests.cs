using System.Text;
using NeuroNav.Fetch.Http;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Scrape;

public sealed class SourceHttpClientTests
{
    [Fact]
    public async Task Body_over_the_size_cap_fails_without_retrying()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map("/big.json", ScriptedResponse.Bytes(new byte[5000], "application/json"));
        using var http = new SourceHttpClient(ScrapeSetup.Options(server) with { MaxResponseBytes = 4096 });

        var result = await http.GetAsync(server.Url("/big.json"), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Contains("5000 bytes, over the limit of 4096", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.CountRequests("/big.json"));
    }

    [Fact]
    public async Task Chunked_body_over_the_size_cap_fails_too()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map("/big.json", ScriptedResponse.Bytes(new byte[5000], "application/json") with { Chunked = true });
        using var http = new SourceHttpClient(ScrapeSetup.Options(server) with { MaxResponseBytes = 4096 });

        var result = await http.GetAsync(server.Url("/big.json"), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Contains("exceeds the limit of 4096 bytes", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.CountRequests("/big.json"));
    }

    [Fact]
    public async Task Body_at_the_size_cap_is_returned_with_headers()
    {
        await using var server = await ScriptedServer.StartAsync();
        var body = Encoding.ASCII.GetBytes(new string('x', 4096));
        server.Map("/ok.json", ScriptedResponse.Bytes(body, "application/json").WithHeader("ETag", "\"v1\""));
        using var http = new SourceHttpClient(ScrapeSetup.Options(server) with { MaxResponseBytes = 4096 });

        var result = await http.GetAsync(server.Url("/ok.json"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.Describe());
        Assert.Equal(body, result.Body);
        Assert.Equal("application/json", result.Headers["content-type"]);
        Assert.Equal("\"v1\"", result.Headers["ETag"]);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Same_host_redirect_is_followed()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map("/old.html", ScriptedResponse.Redirect(301, "/new.html"));
        server.Map("/new.html", ScriptedResponse.Html("moved here"));
        using var http = new SourceHttpClient(ScrapeSetup.Options(server));

        var result = await http.GetAsync(server.Url("/old.html"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.Describe());
        Assert.Equal("moved here", Encoding.UTF8.GetString(result.Body));
        Assert.Equal(server.Url("/new.html"), result.FinalUrl);
        Assert.Equal(server.Url("/old.html"), result.Url);
    }

    [Fact]
    public async Task Redirect_to_another_host_is_not_followed_and_names_the_location()
    {
        await using var server = await ScriptedServer.StartAsync();
        var elsewhere = $"http://localhost:{server.BaseAddress.Port}/new.html";
        server.Map("/old.html", ScriptedResponse.Redirect(302, elsewhere));
        using var http = new SourceHttpClient(ScrapeSetup.Options(server));

        var result = await http.GetAsync(server.Url("/old.html"), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(302, result.StatusCode);
        Assert.Contains(elsewhere, result.Error, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Redirect_loop_stops_after_the_redirect_limit()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map("/a.html", ScriptedResponse.Redirect(302, "/a.html"));
        using var http = new SourceHttpClient(ScrapeSetup.Options(server) with { MaxRedirects = 3 });

        var result = await http.GetAsync(server.Url("/a.html"), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Contains("more than 3 redirects", result.Error, StringComparison.Ordinal);
        Assert.Equal(4, server.CountRequests("/a.html"));
    }

    [Fact]
    public async Task Huge_Retry_After_is_capped_at_the_longest_retry_delay()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map("/slow.html", ScriptedResponse.Empty(503).WithHeader("Retry-After", "3600"), ScriptedResponse.Html("ok"));
        using var http = new SourceHttpClient(ScrapeSetup.Options(server) with { MaxRetryDelay = TimeSpan.FromMilliseconds(200) });

        var result = await http.GetAsync(server.Url("/slow.html"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.Describe());
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task Cancelling_a_request_throws_OperationCanceledException()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map("/slow.html", ScriptedResponse.Html("late").After(TimeSpan.FromSeconds(10)));
        using var http = new SourceHttpClient(ScrapeSetup.Options(server));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.GetAsync(server.Url("/slow.html"), cts.Token));
    }

    [Fact]
    public void Out_of_range_options_are_refused_naming_the_option()
    {
        var e = Assert.Throws<ArgumentException>(() => new SourceHttpClient(new FetchOptions { Concurrency = 0 }));

        Assert.Contains("Concurrency", e.Message, StringComparison.Ordinal);
    }
}
