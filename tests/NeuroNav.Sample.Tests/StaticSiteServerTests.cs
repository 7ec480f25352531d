using System.Net;
using System.Net.Sockets;
using NeuroNav.Core;
using NeuroNav.Hosting;
using NeuroNav.TestKit;

namespace NeuroNav.Sample.Tests;

public sealed class StaticSiteServerTests : IDisposable
{
    private readonly TempDirectory _site = new("neuronav-site");
    private readonly HttpClient _http = new();

    public StaticSiteServerTests()
    {
        File.WriteAllText(_site.Combine("index.html"), "<p>home</p>");
        Directory.CreateDirectory(_site.Combine("api"));
        File.WriteAllText(_site.Combine("api", "index.json"), "{}");
        File.WriteAllText(_site.Combine("site.css"), "p{}");
        File.WriteAllText(_site.Combine("app.js"), "1");
        File.WriteAllText(_site.Combine("logo.svg"), "<svg/>");
        File.WriteAllBytes(_site.Combine("part-0.parquet"), [0x50, 0x41, 0x52, 0x31]);
        File.WriteAllBytes(_site.Combine("blob.weird"), [1, 2, 3]);
        Directory.CreateDirectory(_site.Combine("empty"));
    }

    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("api/index.json", "application/json; charset=utf-8")]
    [InlineData("site.css", "text/css; charset=utf-8")]
    [InlineData("app.js", "text/javascript; charset=utf-8")]
    [InlineData("logo.svg", "image/svg+xml")]
    [InlineData("part-0.parquet", "application/vnd.apache.parquet")]
    [InlineData("blob.weird", "application/octet-stream")]
    public async Task Files_are_served_with_their_content_type_and_no_cache(string path, string contentType)
    {
        await using var server = await StaticSiteServer.StartAsync(_site.Path, 0, CancellationToken.None);
        using var response = await _http.GetAsync(new Uri(server.BaseAddress, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        Assert.Equal(File.ReadAllBytes(_site.Combine(path.Split('/'))), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Root_serves_index_html()
    {
        await using var server = await StaticSiteServer.StartAsync(_site.Path, 0, CancellationToken.None);
        Assert.Equal("<p>home</p>", await _http.GetStringAsync(server.BaseAddress));
    }

    [Theory]
    [InlineData("missing.html")]
    [InlineData("empty/")]
    [InlineData("api/")]
    public async Task Missing_files_and_folders_without_index_are_404(string path)
    {
        await using var server = await StaticSiteServer.StartAsync(_site.Path, 0, CancellationToken.None);
        using var response = await _http.GetAsync(new Uri(server.BaseAddress + path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Server_listens_on_loopback_only_with_a_real_port()
    {
        await using var server = await StaticSiteServer.StartAsync(_site.Path, 0, CancellationToken.None);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
        Assert.EndsWith("/", server.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        var external = Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (external is not null)
        {
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(external, server.BaseAddress.Port));
        }
    }

    [Fact]
    public async Task Disposed_server_stops_answering_and_disposing_twice_is_harmless()
    {
        var server = await StaticSiteServer.StartAsync(_site.Path, 0, CancellationToken.None);
        var address = server.BaseAddress;
        await server.DisposeAsync();
        await server.DisposeAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync(address));
    }

    [Fact]
    public async Task Missing_root_names_the_folder()
    {
        var missing = _site.Combine("nope");
        var e = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => StaticSiteServer.StartAsync(missing, 0, CancellationToken.None));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_mirror_serves_pages_and_404s_the_gap()
    {
        await using var mirror = await SampleMirrorServer.StartAsync();
        using var page = await _http.GetAsync(mirror.NeuronUrl(new NeuronId("gpt2-small", 0, 37)));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
        using var gap = await _http.GetAsync(mirror.NeuronUrl(new NeuronId("solu-1l", 0, 7)));
        Assert.Equal(HttpStatusCode.NotFound, gap.StatusCode);
        Assert.Contains("gpt2-small", await _http.GetStringAsync(mirror.BaseAddress), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _site.Dispose();
    }
}
