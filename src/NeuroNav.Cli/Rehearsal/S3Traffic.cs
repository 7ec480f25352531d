using System.Collections.Concurrent;
using System.Diagnostics;

namespace NeuroNav.Cli.Rehearsal;

/// <summary>The requests this process made to one bucket since the last <see cref="S3Traffic.Take"/>.</summary>
/// <param name="ByMethod">Requests per HTTP method (PUT uploads an object, POST deletes a batch, GET reads or lists, ...).</param>
/// <param name="Writes">Each PUT, POST and DELETE as "METHOD key", in the order they ended.</param>
internal sealed record S3Requests(IReadOnlyDictionary<string, long> ByMethod, IReadOnlyList<string> Writes)
{
    public long Total => ByMethod.Values.Sum();
}

/// <summary>
/// Counts the HTTP requests this process makes to one bucket of an S3-compatible endpoint (path-style, as NeuroNav
/// addresses any endpoint other than AWS), whichever code makes them: it listens to the activities .NET's HttpClient
/// reports for every request (source <c>System.Net.Http</c>), so the verbs are measured as they run, unchanged.
/// </summary>
internal sealed class S3Traffic : IDisposable
{
    private readonly string _authority;
    private readonly string _bucketPath;
    private readonly ActivityListener _listener;
    private ConcurrentDictionary<string, long> _byMethod = new(StringComparer.Ordinal);
    private ConcurrentQueue<string> _writes = new();

    public S3Traffic(Uri endpoint, string bucket)
    {
        _authority = endpoint.Authority;
        _bucketPath = "/" + bucket;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The requests since the previous call (or since the start), and a fresh count.</summary>
    public S3Requests Take()
    {
        var byMethod = Interlocked.Exchange(ref _byMethod, new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        var writes = Interlocked.Exchange(ref _writes, new ConcurrentQueue<string>());
        return new S3Requests(new SortedDictionary<string, long>(byMethod, StringComparer.Ordinal), [.. writes]);
    }

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity activity)
    {
        if (activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Authority != _authority || !IsBucket(uri.AbsolutePath))
        {
            return;
        }

        var method = activity.GetTagItem("http.request.method") as string ?? "_OTHER";
        _byMethod.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (method is "PUT" or "POST" or "DELETE")
        {
            var key = Uri.UnescapeDataString(uri.AbsolutePath[_bucketPath.Length..].TrimStart('/'));
            _writes.Enqueue(key.Length == 0 ? $"{method} (the bucket: a batch delete or a bucket setting)" : $"{method} {key}");
        }
    }

    private bool IsBucket(string path) =>
        path.StartsWith(_bucketPath, StringComparison.Ordinal) && (path.Length == _bucketPath.Length || path[_bucketPath.Length] == '/');
}
