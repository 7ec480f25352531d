using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NeuroNav.Hosting;

/// <summary>
/// Serves a folder on 127.0.0.1 with correct content types: the site for a browser, or the sample mirror for the scraper.
/// Like the published bucket's CORS rule, any origin may GET and HEAD (preflight <c>OPTIONS</c> answered); a missing
/// path gets the folder's <c>404.html</c> when it has one, as GitHub Pages and S3 website hosting do; a file reached
/// through a symbolic link that leaves the folder is not served. A file a build stored gzip-compressed (<c>x.json.gz</c>)
/// is served under its own URL (<c>x.json</c>) with <c>Content-Encoding: gzip</c>, or decoded for a client that does not
/// accept gzip (<see cref="PrecompressedFiles"/>).
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    /// <summary>What a missing path is answered with, when the folder has it.</summary>
    public const string NotFoundPage = "404.html";

    private WebApplication _app = null!;
    private ContainedFileProvider _files = null!;
    private int _disposed;
    private long _requests;

    private StaticSiteServer() { }

    /// <summary>http://127.0.0.1:{port}/ with the port actually bound and a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The served folder, as a full path.</summary>
    public string Root { get; private set; } = null!;

    /// <summary>The requests received so far, whatever their answer.</summary>
    public long Requests => Interlocked.Read(ref _requests);

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
        builder.Services.AddCors();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

        var server = new StaticSiteServer { Root = full, _files = new ContainedFileProvider(full) };
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref server._requests);
            context.Response.Headers.CacheControl = "no-cache";
            await next(context).ConfigureAwait(false);
        });
        app.UseCors(policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()
            .WithExposedHeaders("ETag", "Content-Length", "Content-Encoding", "Content-Type", "Last-Modified")
            .SetPreflightMaxAge(TimeSpan.FromDays(1)));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = server._files });
        app.Use((context, next) => PrecompressedFiles.InvokeAsync(context, server._files, next));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = server._files,
            ContentTypeProvider = ContentTypes.Provider,
            ServeUnknownFileTypes = true,
            DefaultContentType = ContentTypes.Unknown,
            OnPrepareResponse = PrecompressedFiles.PrepareResponse,
        });
        app.Run(async context =>
        {
            context.Response.StatusCode = 404;
            var page = server._files.GetFileInfo("/" + NotFoundPage);
            if (page.Exists && !page.IsDirectory && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = page.Length;
                if (HttpMethods.IsGet(context.Request.Method))
                {
                    await context.Response.SendFileAsync(page, context.RequestAborted).ConfigureAwait(false);
                }
            }
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
            // A static file server has nothing in flight worth waiting for: a browser's idle keep-alive connection would
            // otherwise hold Ctrl+C for the host's whole shutdown timeout (30 s). Two seconds, then connections are cut.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _app.StopAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

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
