using System.Globalization;

namespace NeuroNav.Fetch.Http;

/// <summary>
/// What one GET of one URL came to, after retries: an HTTP answer (<see cref="StatusCode"/>, <see cref="Body"/>,
/// <see cref="Headers"/>) or, when no usable answer arrived, an <see cref="Error"/> that says why.
/// </summary>
/// <param name="Url">The URL asked for.</param>
/// <param name="FinalUrl">The URL that answered, after same-host redirects.</param>
/// <param name="StatusCode">The last HTTP status received; null when no response arrived.</param>
/// <param name="ReasonPhrase">The status line's reason phrase, when the server sent one.</param>
/// <param name="Body">The response body (bounded by <see cref="FetchOptions.MaxResponseBytes"/>); empty on error.</param>
/// <param name="Headers">Response and content headers by name (case-insensitive), repeated values joined with ", ".</param>
/// <param name="Error">Why there is no usable answer (timeout, network error, body too large, redirect off host); null otherwise.</param>
/// <param name="Attempts">Requests sent for the last URL of the redirect chain, retries included.</param>
/// <param name="FetchedAt">When the answer (or the final error) arrived, UTC.</param>
public sealed record FetchResult(
    Uri Url,
    Uri FinalUrl,
    int? StatusCode,
    string? ReasonPhrase,
    byte[] Body,
    IReadOnlyDictionary<string, string> Headers,
    string? Error,
    int Attempts,
    DateTimeOffset FetchedAt)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A 2xx answer with its body.</summary>
    public bool IsSuccess => Error is null && StatusCode is >= 200 and <= 299;

    /// <summary>The source says the resource does not exist (404 or 410).</summary>
    public bool IsNotFound => Error is null && StatusCode is 404 or 410;

    public static FetchResult Failure(Uri url, Uri finalUrl, int? status, string error, int attempts, DateTimeOffset at) =>
        new(url, finalUrl, status, null, [], NoHeaders, error, attempts, at);

    /// <summary>One line for coverage rows and logs, e.g. <c>HTTP 503 (Service Unavailable) after 6 attempts</c>.</summary>
    public string Describe()
    {
        var tries = Attempts == 1 ? "1 attempt" : string.Create(CultureInfo.InvariantCulture, $"{Attempts} attempts");
        if (Error is not null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Error} ({tries})");
        }

        var phrase = string.IsNullOrEmpty(ReasonPhrase) ? string.Empty : $" ({ReasonPhrase})";
        return string.Create(CultureInfo.InvariantCulture, $"HTTP {StatusCode}{phrase} after {tries}");
    }
}
