namespace NeuroNav.Hosting;

/// <summary>Serves a folder on 127.0.0.1 with correct content types: the site for a browser, or the sample mirror for the scraper.</summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private StaticSiteServer() { }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts serving <paramref name="root"/>; port 0 picks a free port.</summary>
    public static Task<StaticSiteServer> StartAsync(string root, int port, CancellationToken ct) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
