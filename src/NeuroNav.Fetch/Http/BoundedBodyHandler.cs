using System.Globalization;
using System.Runtime.CompilerServices;

namespace NeuroNav.Fetch.Http;

/// <summary>
/// The innermost handler: reads each response body into memory inside the attempt, so the per-attempt timeout
/// and the retries cover the body too, refuses bodies over the size cap (not retried), and decodes gzip bodies,
/// treating one that is cut short as a transport fault (<see cref="GzipBody"/>).
/// Counts the attempts of a request in its options.
/// </summary>
internal sealed class BoundedBodyHandler(long maxBytes) : DelegatingHandler
{
    internal static readonly HttpRequestOptionsKey<StrongBox<int>> AttemptsKey = new("NeuroNav.Attempts");

    /// <summary>Set on a request whose body the caller streams (<see cref="SourceHttpClient.SendStreamingAsync"/>): passed through unread.</summary>
    internal static readonly HttpRequestOptionsKey<bool> StreamKey = new("NeuroNav.Stream");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(AttemptsKey, out var attempts))
        {
            Interlocked.Increment(ref attempts.Value);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Options.TryGetValue(StreamKey, out var streamed) && streamed)
        {
            return response;
        }

        try
        {
            var declared = response.Content.Headers.ContentLength;
            if (declared > maxBytes)
            {
                throw new ResponseTooLargeException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"response body of {request.RequestUri} declares {declared} bytes, over the limit of {maxBytes}"));
            }

            byte[] body;
            try
            {
                body = await ReadBoundedAsync(response.Content, request.RequestUri, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                // A connection that breaks mid-body is as transient as one that breaks before the headers.
                throw new HttpRequestException($"reading the body of {request.RequestUri} failed: {e.Message}", e);
            }

            // gzip is decoded here, not by the primary handler, so a body cut short is a fault rather than a shorter page.
            var decoded = GzipBody.Applies(response.Content.Headers);
            if (decoded)
            {
                body = GzipBody.Decode(body, maxBytes, request.RequestUri);
            }

            var buffered = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                    && !(decoded && header.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)))
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            response.Content = buffered;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<byte[]> ReadBoundedAsync(HttpContent content, Uri? url, CancellationToken ct)
    {
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new ResponseTooLargeException(string.Create(
                        CultureInfo.InvariantCulture, $"response body of {url} exceeds the limit of {maxBytes} bytes"));
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}

/// <summary>The response body is larger than <see cref="FetchOptions.MaxResponseBytes"/>; never retried.</summary>
public sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException(string message) : base(message) { }
}
