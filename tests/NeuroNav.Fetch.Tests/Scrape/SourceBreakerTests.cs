using NeuroNav.Fetch.Http;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Scrape;

/// <summary>The client's breaker: attempts in a row without an answer open it; any answer resets the count.</summary>
public sealed class SourceBreakerTests
{
    [Fact]
    public async Task An_answer_between_failures_resets_the_count()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = ScriptedResponse.Empty(503);
        server.Map("/missing.html", ScriptedResponse.Empty(404));
        using var http = new SourceHttpClient(ScrapeSetup.Options(server) with { MaxRetries = 0, MaxFailuresInARow = 3 });

        // The third failure in a row is still answered (and recorded by the caller); the breaker is open after it.
        foreach (var path in new[] { "/a", "/b", "/missing.html", "/c", "/d", "/e" })
        {
            var result = await http.GetAsync(server.Url(path), CancellationToken.None);
            Assert.False(result.IsSuccess);
        }

        var e = await Assert.ThrowsAsync<SourceUnreachableException>(() => http.GetAsync(server.Url("/f"), CancellationToken.None));
        Assert.Equal(server.BaseAddress.Authority, e.Host);
        Assert.Contains("HTTP 503", e.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task Once_open_no_further_request_is_sent()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = ScriptedResponse.Empty(500);
        using var http = new SourceHttpClient(ScrapeSetup.Options(server) with { MaxRetries = 0, MaxFailuresInARow = 2 });

        await http.GetAsync(server.Url("/a"), CancellationToken.None);
        await http.GetAsync(server.Url("/b"), CancellationToken.None);
        await Assert.ThrowsAsync<SourceUnreachableException>(() => http.GetAsync(server.Url("/c"), CancellationToken.None));
        await Assert.ThrowsAsync<SourceUnreachableException>(() => http.GetAsync(server.Url("/d"), CancellationToken.None));

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_count_as_attempts_and_zero_never_opens()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = ScriptedResponse.Empty(503);
        using var never = new SourceHttpClient(ScrapeSetup.Options(server) with { MaxRetries = 2, MaxFailuresInARow = 0 });

        for (var i = 0; i < 5; i++)
        {
            var result = await never.GetAsync(server.Url($"/n{i}"), CancellationToken.None);
            Assert.Equal(503, result.StatusCode);
        }

        Assert.Equal(15, server.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_not_retried_before_the_host_has_answered_once()
    {
        var dead = new Uri($"http://127.0.0.1:{FreePort()}/");
        using var http = new SourceHttpClient(new FetchOptions { BaseUrl = dead, MaxRetries = 5, RequestsPerSecond = double.PositiveInfinity });

        var result = await http.GetAsync(new Uri(dead, "x.html"), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("Connection refused", result.Error, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
