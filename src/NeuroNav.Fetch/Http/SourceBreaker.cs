using System.Globalization;

namespace NeuroNav.Fetch.Http;

/// <summary>
/// The circuit breaker of one fetch run: counts request attempts in a row that got no usable answer from the host
/// (connection errors, timeouts, 5xx) and opens after <see cref="FetchOptions.MaxFailuresInARow"/> of them; any other
/// answer (2xx, 3xx, 4xx) resets the count. Once open it stays open: in-flight and queued requests are cancelled and
/// the run stops with <see cref="SourceUnreachableException"/>, keeping what it stored.
/// </summary>
internal sealed class SourceBreaker(int threshold) : IDisposable
{
    private readonly CancellationTokenSource _open = new();
    private int _inARow;
    private int _answered;
    private (string Host, string Error)? _last;

    /// <summary>Cancelled when the breaker opens.</summary>
    public CancellationToken Opened => _open.Token;

    public bool IsOpen => _open.IsCancellationRequested;

    /// <summary>Whether the host has answered once in this run; before that, a refused connection is not worth retrying.</summary>
    public bool HostAnswered => Volatile.Read(ref _answered) == 1;

    public void Answered()
    {
        Volatile.Write(ref _answered, 1);
        Interlocked.Exchange(ref _inARow, 0);
    }

    public void Failed(Uri? url, string error)
    {
        lock (_open)
        {
            _last = (url?.Authority ?? "the source", error);
        }

        if (Interlocked.Increment(ref _inARow) >= threshold && threshold > 0 && !_open.IsCancellationRequested)
        {
            _open.Cancel();
        }
    }

    public SourceUnreachableException Unreachable()
    {
        lock (_open)
        {
            var (host, error) = _last ?? ("the source", "no answer");
            return new SourceUnreachableException(host, string.Create(CultureInfo.InvariantCulture, $"{threshold} requests in a row failed (--max-failures-in-a-row)"), error);
        }
    }

    public void Dispose() => _open.Dispose();
}

/// <summary>A source stopped answering; the run stopped early. The message is one line naming the host and the last error.</summary>
/// <param name="host">The host (and port) that does not answer.</param>
/// <param name="what">What failed, e.g. "20 requests in a row failed".</param>
/// <param name="lastError">The last failure, e.g. "Connection refused (neuroscope.io:443)".</param>
public sealed class SourceUnreachableException(string host, string what, string lastError)
    : Exception($"{host} is unreachable: {what}, the last with {lastError}; everything stored so far is kept and the next run resumes")
{
    public string Host { get; } = host;

    public string LastError { get; } = lastError;
}
