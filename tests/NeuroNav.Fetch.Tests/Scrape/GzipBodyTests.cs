using System.IO.Compression;
using System.Text;
using NeuroNav.Fetch.Http;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Scrape;

/// <summary>gzip bodies are decoded by the client and proved whole by their trailer; one cut short is a transport fault.</summary>
public sealed class GzipBodyTests
{
    private static readonly byte[] Page = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"<span>token {i}</span>\n")));

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static async Task<FetchResult> GetAsync(byte[] body, FetchOptions? options = null)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map("/page.html", ScriptedResponse.Bytes(body).WithHeader("Content-Encoding", "gzip"));
        using var http = new SourceHttpClient(options ?? ScrapeSetup.Options(server) with { MaxRetries = 1 });
        return await http.GetAsync(server.Url("/page.html"), CancellationToken.None);
    }

    [Fact]
    public async Task Complete_gzip_body_is_decoded_and_loses_its_content_encoding()
    {
        var result = await GetAsync(Gzip(Page));

        Assert.True(result.IsSuccess, result.Describe());
        Assert.Equal(Page, result.Body);
        Assert.False(result.Headers.ContainsKey("Content-Encoding"));
    }

    [Fact]
    public async Task Body_of_two_gzip_members_is_decoded_whole()
    {
        var result = await GetAsync([.. Gzip(Page[..1000]), .. Gzip(Page[1000..])]);

        Assert.True(result.IsSuccess, result.Describe());
        Assert.Equal(Page, result.Body);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(1)]
    public async Task Gzip_body_cut_short_under_a_matching_content_length_fails_after_its_retries(int cutBy)
    {
        var whole = Gzip(Page);
        var cut = cutBy == 2 ? whole[..(whole.Length / 2)] : whole[..^cutBy];

        var result = await GetAsync(cut);

        Assert.False(result.IsSuccess);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("/page.html", result.Error, StringComparison.Ordinal);
        Assert.Contains($"({cut.Length} bytes) is cut short or corrupt", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_body_that_decodes_past_the_size_cap_fails_without_retrying()
    {
        await using var server = await ScriptedServer.StartAsync();
        var result = await GetAsync(Gzip(new byte[1 << 20]), ScrapeSetup.Options(server) with { MaxResponseBytes = 64 * 1024 });

        Assert.False(result.IsSuccess);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("decodes to more than the limit of 65536 bytes", result.Error, StringComparison.Ordinal);
    }
}
