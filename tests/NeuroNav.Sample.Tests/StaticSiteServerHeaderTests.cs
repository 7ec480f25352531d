using System.Net;
using NeuroNav.Hosting;
using NeuroNav.TestKit;

namespace NeuroNav.Sample.Tests;

/// <summary><c>serve</c> as a notebook or another local page meets it: CORS like the bucket's rule, a 404 page, no escape through links.</summary>
public sealed class StaticSiteServerHeaderTests : IDisposable
{
    private const string Origin = "http://127.0.0.1:8888";
    private readonly TempDirectory _dir = new("neuronav-serve");
    private readonly HttpClient _http = new();

    public StaticSiteServerHeaderTests()
    {
        Directory.CreateDirectory(Site("api", "gpt2-small", "3"));
        File.WriteAllText(Site("api", "gpt2-small", "3", "1337.json"), "{\"neuron\":1337}");
        File.WriteAllText(Site("index.html"), "<p>home</p>");
        Directory.CreateDirectory(_dir.Combine("outside"));
        File.WriteAllText(_dir.Combine("outside", "secret.txt"), "not part of the site");
    }

    [Fact]
    public async Task Cross_origin_get_is_allowed_for_any_origin()
    {
        await using var server = await StaticSiteServer.StartAsync(Site(), 0, CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "api/gpt2-small/3/1337.json"));
        request.Headers.Add("Origin", Origin);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
        Assert.Equal("{\"neuron\":1337}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task Preflight_for_get_and_head_is_answered(string method)
    {
        await using var server = await StaticSiteServer.StartAsync(Site(), 0, CancellationToken.None);
        using var request = Preflight(server, method);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains(method, response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Equal("86400", Assert.Single(response.Headers.GetValues("Access-Control-Max-Age")));
    }

    [Fact]
    public async Task Preflight_for_a_write_does_not_allow_it()
    {
        await using var server = await StaticSiteServer.StartAsync(Site(), 0, CancellationToken.None);
        using var request = Preflight(server, "PUT");

        using var response = await _http.SendAsync(request);

        // The browser compares the method with the allowed ones: PUT is not among them.
        var allowed = response.Headers.TryGetValues("Access-Control-Allow-Methods", out var values) ? string.Join(",", values) : "";
        Assert.DoesNotContain("PUT", allowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_path_gets_the_404_page_with_status_404()
    {
        File.WriteAllText(Site("404.html"), "<h1>Not in this archive</h1>");
        await using var server = await StaticSiteServer.StartAsync(Site(), 0, CancellationToken.None);

        using var response = await _http.GetAsync(new Uri(server.BaseAddress, "gpt2-small/3/99999.html"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("<h1>Not in this archive</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task File_linked_from_outside_the_folder_is_not_served()
    {
        File.CreateSymbolicLink(Site("secret.txt"), _dir.Combine("outside", "secret.txt"));
        Directory.CreateSymbolicLink(Site("elsewhere"), _dir.Combine("outside"));
        File.CreateSymbolicLink(Site("home.html"), Site("index.html"));
        await using var server = await StaticSiteServer.StartAsync(Site(), 0, CancellationToken.None);

        using var file = await _http.GetAsync(new Uri(server.BaseAddress, "secret.txt"));
        using var folder = await _http.GetAsync(new Uri(server.BaseAddress, "elsewhere/secret.txt"));
        using var inside = await _http.GetAsync(new Uri(server.BaseAddress, "home.html"));

        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, folder.StatusCode);
        Assert.DoesNotContain("not part of the site", await folder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal("<p>home</p>", await inside.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    private static HttpRequestMessage Preflight(StaticSiteServer server, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri(server.BaseAddress, "api/gpt2-small/3/1337.json"));
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        return request;
    }

    private string Site(params string[] parts) => _dir.Combine(["site", .. parts]);
}
