using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.RateLimiting;
using Polly.Timeout;

namespace NeuroNav.Fetch.Http;

/// <summary>
/// The one polite HTTP client of a fetch run, for any source: a NeuroNav User-Agent, a request rate shared by all
/// callers, retries with exponential backoff and jitter on 408/429/5xx and network errors that honour
/// <c>Retry-After</c>, a timeout per attempt, a cap on the body size, and redirects followed only on the same host.
/// <see cref="GetAsync"/> never throws for what a server does, with one exception: when
/// <see cref="FetchOptions.MaxFailuresInARow"/> attempts in a row get no usable answer (the host is down), the client's
/// breaker opens, every request in flight or queued stops, and <see cref="GetAsync"/> throws
/// <see cref="SourceUnreachableException"/>. It also throws when <c>ct</c> is cancelled.
/// </summary>
public sealed partial class SourceHttpClient : IDisposable
{
    private const string ClientName = "NeuroNav.Sources";

    private readonly FetchOptions _options;
    private readonly RateLimiter? _limiter;
    private readonly SourceBreaker _breaker;
    private readonly ServiceProvider _services;
    private readonly HttpClient _client;
    private readonly ConcurrentBag<SocketsHttpHandler> _primaries = [];

    public SourceHttpClient(FetchOptions options)
    {
        options.Validate();
        _options = options;
        _limiter = CreateLimiter(options.RequestsPerSecond);
        _breaker = new SourceBreaker(options.MaxFailuresInARow);

        var services = new ServiceCollection();
        var builder = services.AddHttpClient(ClientName, client =>
        {
            client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
            client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip"); // decoded and checked by BoundedBodyHandler
        });
        // One handler chain for the client's life (connections are recycled by PooledConnectionLifetime), closed on Dispose.
        builder.SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan);
        builder.ConfigurePrimaryHttpMessageHandler(() =>
        {
            var primary = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.Deflate | DecompressionMethods.Brotli,
                MaxConnectionsPerServer = options.Concurrency,
                ConnectTimeout = options.Timeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            };
            _primaries.Add(primary);
            return primary;
        });

        // Handlers run outside-in in the order added: retry, rate limit and timeout wrap each attempt's body read.
        builder.AddResilienceHandler("polite", pipeline => ConfigurePipeline(pipeline, options, _limiter, _breaker));
        builder.AddHttpMessageHandler(() => new BreakerHandler(_breaker, options.Timeout));
        builder.AddHttpMessageHandler(() => new BoundedBodyHandler(options.MaxResponseBytes));
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }

    /// <summary>GETs <paramref name="url"/>; see the class summary for what happens on the way.</summary>
    public async Task<FetchResult> GetAsync(Uri url, CancellationToken ct)
    {
        var current = url;
        using var open = CancellationTokenSource.CreateLinkedTokenSource(ct, _breaker.Opened);
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            var attempts = new StrongBox<int>();
            request.Options.Set(BoundedBodyHandler.AttemptsKey, attempts);

            HttpResponseMessage response;
            try
            {
                ThrowIfOpen(ct);
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, open.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_breaker.IsOpen && !ct.IsCancellationRequested)
            {
                // Stopped in flight because the breaker opened on other requests.
                throw _breaker.Unreachable();
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is not SourceUnreachableException)
            {
                return FetchResult.Failure(url, current, null, Explain(e), attempts.Value, _options.Clock.GetUtcNow());
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is >= 300 and <= 399 && response.Headers.Location is { } location)
                {
                    var target = new Uri(current, location);
                    if (!SameOrigin(target, url))
                    {
                        return Refuse($"redirect {status} to {target} (another host) not followed");
                    }

                    if (redirects >= _options.MaxRedirects)
                    {
                        return Refuse(string.Create(CultureInfo.InvariantCulture, $"more than {_options.MaxRedirects} redirects, last to {target}"));
                    }

                    current = target;
                    continue;
                }

                var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                return new FetchResult(url, current, status, response.ReasonPhrase, body, Headers(response), null, attempts.Value, _options.Clock.GetUtcNow());

                FetchResult Refuse(string why) =>
                    FetchResult.Failure(url, current, status, why, attempts.Value, _options.Clock.GetUtcNow());
            }
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _breaker.Dispose();
        _services.Dispose();
        foreach (var primary in _primaries)
        {
            primary.Dispose();
        }

        _limiter?.Dispose();
    }

    /// <summary>Throws <see cref="SourceUnreachableException"/> once the breaker is open (cancellation by the caller wins).</summary>
    private void ThrowIfOpen(CancellationToken ct)
    {
        if (_breaker.IsOpen && !ct.IsCancellationRequested)
        {
            throw _breaker.Unreachable();
        }
    }

    private string Explain(Exception e) => e switch
    {
        TimeoutRejectedException => string.Create(CultureInfo.InvariantCulture, $"timed out after {_options.Timeout.TotalSeconds:0.###} s"),
        ResponseTooLargeException => e.Message,
        HttpRequestException { InnerException: { } inner } => $"network error: {e.Message} ({inner.GetType().Name}: {inner.Message})",
        HttpRequestException => $"network error: {e.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }

    /// <summary>One token bucket for all workers; callers wait for a token rather than being refused.</summary>
    private static TokenBucketRateLimiter? CreateLimiter(double requestsPerSecond)
    {
        if (double.IsPositiveInfinity(requestsPerSecond))
        {
            return null;
        }

        // Whole tokens per period at exactly the rate (period = tokens / rate), replenished at most every 10 ms; the bucket
        // holds one period's worth, so in any window of w seconds a run starts at most rate × w + 2 × perPeriod requests
        // (a full bucket, and one period's tokens accrued just before the window). At 8/s or less that is one token.
        var perPeriod = Math.Max(1, (int)Math.Ceiling(requestsPerSecond * 0.01));
        var period = TimeSpan.FromSeconds(perPeriod / requestsPerSecond);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perPeriod,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> builder, FetchOptions options, RateLimiter? limiter, SourceBreaker breaker)
    {
        if (options.MaxRetries > 0)
        {
            // The default predicate retries 408, 429, 5xx, HttpRequestException and per-attempt timeouts; never 404.
            var retry = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
            };

            // A host that has not answered once in this run and refuses the connection (or has no address) is not there:
            // retrying each request only delays the breaker. Once it has answered, refusals are retried like any fault.
            var transient = retry.ShouldHandle;
            retry.ShouldHandle = args =>
                args.Outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
                && !breaker.HostAnswered
                    ? ValueTask.FromResult(false)
                    : transient(args);

            // Polly does not apply MaxDelay to Retry-After; cap it so a server cannot park a worker for hours.
            var retryAfter = retry.DelayGenerator;
            if (retryAfter is not null)
            {
                retry.DelayGenerator = async args =>
                {
                    var delay = await retryAfter(args).ConfigureAwait(false);
                    return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
                };
            }

            builder.AddRetry(retry);
        }

        if (limiter is not null)
        {
            builder.AddRateLimiter(limiter);
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.Timeout });
    }
}
