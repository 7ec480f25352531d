using System.Globalization;

namespace NeuroNav.Fetch;

/// <summary>How to fetch: where from, how politely, and whether to refetch what the corpus already has.</summary>
public sealed record FetchOptions
{
    /// <summary>Names NeuroNav and where to read about it, so a site operator knows who is calling.</summary>
    public const string DefaultUserAgent = "NeuroNav/0.1 (+https://github.com/neuronav/neuronav; static neuron archive)";

    /// <summary>The source's root; neuron pages are <c>{BaseUrl}{model}/{layer}/{neuron}.html</c>.</summary>
    public Uri BaseUrl { get; init; } = new("https://neuroscope.io/");

    /// <summary>Requests in flight at once, at most.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Requests started per second, retries included, across all workers; <see cref="double.PositiveInfinity"/> for no limit.</summary>
    public double RequestsPerSecond { get; init; } = 8;

    /// <summary>Time allowed for one attempt: connecting, headers and body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, on 408, 429, 5xx, timeouts and network errors; 0 for none.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The median delay before the first retry; each further retry doubles it (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, whether computed or asked for by <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Request attempts in a row with no usable answer (connection error, timeout, 5xx) after which the run stops as
    /// unreachable; 0 never stops. Any other answer resets the count.
    /// </summary>
    public int MaxFailuresInARow { get; init; } = 20;

    /// <summary>Same-host redirects followed per request; a redirect to another host is never followed.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>A response body larger than this fails the fetch.</summary>
    public long MaxResponseBytes { get; init; } = 64L * 1024 * 1024;

    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Refetch neurons the corpus already holds, and those recorded as missing upstream or invalid.</summary>
    public bool Refresh { get; init; }

    /// <summary>Neurons per corpus part file (and row group).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>The clock for fetch times, attempt times and elapsed time.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        Check(BaseUrl.IsAbsoluteUri && BaseUrl.Scheme is "http" or "https", nameof(BaseUrl), BaseUrl.ToString(), "an absolute http(s) URL");
        Check(Concurrency is >= 1 and <= 256, nameof(Concurrency), Concurrency, "1..256");
        Check(RequestsPerSecond > 0, nameof(RequestsPerSecond), RequestsPerSecond, "> 0");
        Check(Timeout >= TimeSpan.FromMilliseconds(10) && Timeout <= TimeSpan.FromHours(24), nameof(Timeout), Timeout, "10 ms..24 h");
        Check(MaxRetries is >= 0 and <= 100, nameof(MaxRetries), MaxRetries, "0..100");
        Check(RetryBaseDelay >= TimeSpan.Zero && RetryBaseDelay <= TimeSpan.FromDays(1), nameof(RetryBaseDelay), RetryBaseDelay, "0..1 day");
        Check(MaxRetryDelay >= RetryBaseDelay && MaxRetryDelay <= TimeSpan.FromDays(1), nameof(MaxRetryDelay), MaxRetryDelay, "RetryBaseDelay..1 day");
        Check(MaxFailuresInARow >= 0, nameof(MaxFailuresInARow), MaxFailuresInARow, ">= 0");
        Check(MaxRedirects is >= 0 and <= 20, nameof(MaxRedirects), MaxRedirects, "0..20");
        Check(MaxResponseBytes >= 1, nameof(MaxResponseBytes), MaxResponseBytes, ">= 1");
        Check(!string.IsNullOrWhiteSpace(UserAgent), nameof(UserAgent), UserAgent, "not empty");
        Check(BatchSize >= 1, nameof(BatchSize), BatchSize, ">= 1");

        static void Check(bool ok, string name, object value, string range)
        {
            if (!ok)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"fetch option {name} = {value} is out of range ({range})"), name);
            }
        }
    }

    /// <summary><see cref="BaseUrl"/> with a trailing slash, so relative paths resolve beneath it.</summary>
    internal Uri Root => BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
}
