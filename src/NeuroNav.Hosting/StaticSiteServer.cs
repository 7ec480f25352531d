using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NeuroNav.Hosting;

/// <summary>Serves a folder on 127.0.0.1 with correct content types: the site for a browser, or the sample mirror for the scraper.</summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private WebApplication _app = null!;
    private PhysicalFileProvider _files = null!;
    private int _disposed;

    private StaticSiteServer() { }

    /// <summary>http://127.0.0.1:{port}/ with the port actually bound and a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The served folder, as a full path.</summary>
    public string Root { get; private set; } = null!;

    /// <summary>Starts serving <paramref name="root"/>; port 0 picks a free port.</summary>
    public static async Task<StaticSiteServer> StartAsync(string root, int port, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"cannot serve {full}: no such folder");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

        var server = new StaticSiteServer { Root = full, _files = new PhysicalFileProvider(full) };
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            await next(context).ConfigureAwait(false);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = server._files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = server._files,
            ContentTypeProvider = ContentTypes.Provider,
            ServeUnknownFileTypes = true,
            DefaultContentType = ContentTypes.Unknown,
        });

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            server._files.Dispose();
            throw;
        }

        server._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _files?.Dispose();
    }

    /// <summary>Leaves Ctrl+C to the caller: the server stops when disposed, not on a console signal.</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
