using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NeuroNav.TestKit;

/// <summary>One scripted answer: status, headers, body, and how long to wait before sending it.</summary>
/// <param name="Chunked">Send the body without a Content-Length header.</param>
/// <param name="Abort">Drop the connection instead of answering (a connection reset for the client).</param>
/// <param name="DeclaredLength">Declare this Content-Length, send <paramref name="Body"/> (shorter), then drop the connection: a truncated body.</param>
public sealed record ScriptedResponse(
    int Status,
    byte[] Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    TimeSpan Delay,
    bool Chunked = false,
    bool Abort = false,
    long? DeclaredLength = null)
{
    public static ScriptedResponse Html(string html) => Bytes(Encoding.UTF8.GetBytes(html));

    public static ScriptedResponse Bytes(byte[] body, string contentType = "text/html") =>
        new(200, body, [new("Content-Type", contentType)], TimeSpan.Zero);

    public static ScriptedResponse Empty(int status) => new(status, [], [], TimeSpan.Zero);

    public static ScriptedResponse Redirect(int status, string location) => Empty(status).WithHeader("Location", location);

    public static ScriptedResponse Reset() => Empty(200) with { Abort = true };

    public ScriptedResponse WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    public ScriptedResponse After(TimeSpan delay) => this with { Delay = delay };
}

/// <summary>A request the server received.</summary>
public sealed record ScriptedRequest(string Path, string? UserAgent, DateTimeOffset ReceivedAt);

/// <summary>
/// A loopback HTTP server (Kestrel on 127.0.0.1, free port) whose answers a test scripts per path: each request to a
/// path takes the next response of its sequence, and the last one repeats. Unmapped paths get <see cref="Fallback"/>.
/// Logs every request and the peak number of requests handled at once.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Script> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ScriptedRequest> _log = new();
    private LoopbackApp _app = null!;
    private int _inFlight;
    private int _maxInFlight;

    private ScriptedServer() { }

    /// <summary>The root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public ScriptedResponse Fallback { get; set; } = ScriptedResponse.Empty(404);

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ScriptedRequest> Requests => [.. _log];

    /// <summary>The most requests that were being handled at the same moment.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    public static async Task<ScriptedServer> StartAsync(CancellationToken ct = default)
    {
        var server = new ScriptedServer();
        server._app = await LoopbackApp.StartAsync(server.HandleAsync, ct).ConfigureAwait(false);
        server.BaseAddress = server._app.BaseAddress;
        return server;
    }

    /// <summary>Scripts <paramref name="path"/> (with or without the leading slash); replaces an earlier script.</summary>
    public void Map(string path, params ScriptedResponse[] sequence)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sequence.Length);
        _scripts[Normalize(path)] = new Script(sequence);
    }

    public int CountRequests(string path)
    {
        var normalized = Normalize(path);
        return _log.Count(r => r.Path == normalized);
    }

    public Uri Url(string path) => new(BaseAddress, Normalize(path).TrimStart('/'));

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string Normalize(string path) => path.StartsWith('/') ? path : "/" + path;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _log.Enqueue(new ScriptedRequest(path, context.Request.Headers.UserAgent.ToString(), DateTimeOffset.UtcNow));
        var now = Interlocked.Increment(ref _inFlight);
        for (var peak = Volatile.Read(ref _maxInFlight); now > peak; peak = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, peak) == peak)
            {
                break;
            }
        }

        try
        {
            var response = _scripts.TryGetValue(path, out var script) ? script.Next() : Fallback;
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, context.RequestAborted).ConfigureAwait(false);
            }

            if (response.Abort)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers.Append(name, value);
            }

            if (!response.Chunked)
            {
                context.Response.ContentLength = response.DeclaredLength ?? response.Body.Length;
            }

            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
            if (response.DeclaredLength is not null)
            {
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                context.Abort();
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (a timeout under test); nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private sealed class Script(ScriptedResponse[] sequence)
    {
        private int _next = -1;

        public ScriptedResponse Next() => sequence[Math.Min(Interlocked.Increment(ref _next), sequence.Length - 1)];
    }
}
