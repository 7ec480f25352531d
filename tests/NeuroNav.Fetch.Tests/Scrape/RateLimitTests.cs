using System.Globalization;
using NeuroNav.TestKit;
using static NeuroNav.Fetch.Tests.Scrape.ScrapeSetup;

namespace NeuroNav.Fetch.Tests.Scrape;

/// <summary>The request rate a run holds, counted at the mirror over its own request timestamps.</summary>
public sealed class RateLimitTests
{
    [Theory]
    [InlineData(150, 300)] // above 100/s a period holds several tokens: 2 per 13.3 ms, where rounding once gave 2 per 10 ms (200/s)
    [InlineData(30, 60)]
    public async Task A_rate_holds_in_every_second_of_the_mirror_log(double rate, int pages)
    {
        await using var server = await ScriptedServer.StartAsync();
        ServePages(server, 0, pages);

        var report = await RunAsync(new InMemoryCorpus(), Options(server) with { RequestsPerSecond = rate, Concurrency = 8 }, Target(0, pages));

        Assert.Equal(pages, report.Fetched);
        // Tolerance: the bucket's one period of tokens at the start and one carried into the window by a late refill
        // (2 × ceil(rate / 100)), and a tenth of a second of the rate for loopback delivery between the limiter and the log.
        var perPeriod = Math.Ceiling(rate / 100);
        var allowed = (int)Math.Floor(rate + (2 * perPeriod) + (rate * 0.1));
        var (most, start) = RequestWindows.Busiest(server.Requests, TimeSpan.FromSeconds(1));
        Assert.True(most <= allowed, string.Create(CultureInfo.InvariantCulture, $"{most} requests in the second from {start:HH:mm:ss.fff}, over {allowed} at {rate}/s"));
    }
}
