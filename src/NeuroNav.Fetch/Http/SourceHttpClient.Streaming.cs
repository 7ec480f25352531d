using System.Net.Http.Headers;

namespace NeuroNav.Fetch.Http;

public sealed partial class SourceHttpClient
{
    /// <summary>
    /// GETs <paramref name="url"/> for a caller that streams the body itself (files of several GB): the same User-Agent,
    /// request rate, retries on 408/429/5xx and network errors honouring <c>Retry-After</c>, breaker and per-attempt
    /// timeout as <see cref="GetAsync"/>, but the timeout covers the headers only, and the body is neither read, capped nor
    /// decoded (<c>Accept-Encoding: identity</c> is asked for). Redirects are returned, not followed: the caller decides
    /// (a model hub sends its file downloads to a CDN on another host). <paramref name="from"/> asks for the bytes from that
    /// offset on (<c>Range: bytes=from-</c>), to resume a download.
    /// </summary>
    /// <returns>The response, headers read; the caller disposes it.</returns>
    /// <exception cref="HttpRequestException">No answer after the retries; the message says why (timeout, network error).</exception>
    /// <exception cref="SourceUnreachableException">The breaker opened.</exception>
    public async Task<HttpResponseMessage> SendStreamingAsync(Uri url, long from, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(BoundedBodyHandler.StreamKey, true);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
        if (from > 0)
        {
            request.Headers.Range = new RangeHeaderValue(from, null);
        }

        using var open = CancellationTokenSource.CreateLinkedTokenSource(ct, _breaker.Opened);
        try
        {
            ThrowIfOpen(ct);
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, open.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_breaker.IsOpen && !ct.IsCancellationRequested)
        {
            throw _breaker.Unreachable();
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not SourceUnreachableException)
        {
            throw new HttpRequestException(Explain(e), e);
        }
    }
}
