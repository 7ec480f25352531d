using System.Globalization;

namespace NeuroNav.Fetch.Http;

/// <summary>Tells the <see cref="SourceBreaker"/> how each attempt went; sits inside the retries and the per-attempt timeout.</summary>
internal sealed class BreakerHandler(SourceBreaker breaker, TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            var inner = e.InnerException?.Message;
            breaker.Failed(request.RequestUri, inner is null || e.Message.Contains(inner, StringComparison.Ordinal) ? e.Message : $"{e.Message} ({inner})");
            throw;
        }
        catch (OperationCanceledException) when (!breaker.IsOpen)
        {
            // The attempt's timeout (or Ctrl+C, which ends the run anyway).
            breaker.Failed(request.RequestUri, string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalSeconds:0.###} s"));
            throw;
        }

        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            breaker.Failed(request.RequestUri, string.Create(CultureInfo.InvariantCulture, $"HTTP {status} ({response.ReasonPhrase})"));
        }
        else
        {
            breaker.Answered();
        }

        return response;
    }
}
