using System.Globalization;

namespace NeuroNav.Fetch.Weights;

/// <summary>Where the model hub is and how politely to download from it.</summary>
public sealed record HubOptions
{
    /// <summary>The Hugging Face hub.</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://huggingface.co/");

    /// <summary>The hub's root: the API is <c>{BaseUrl}api/models/…</c>, files are <c>{BaseUrl}{repo}/resolve/{sha}/{file}</c>.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>
    /// The fetch layer's politeness: User-Agent, request rate, retries with backoff on 408/429/5xx honouring
    /// <c>Retry-After</c>, the breaker, and <see cref="FetchOptions.Timeout"/> for each attempt's headers and for each
    /// wait for body data. Files are downloaded one at a time.
    /// </summary>
    public FetchOptions Http { get; init; } = new() { BaseUrl = DefaultBaseUrl, Concurrency = 1, RequestsPerSecond = 2 };

    /// <summary>Times one file's body may break off and be resumed with a Range request before the download gives up.</summary>
    public int MaxResumes { get; init; } = 10;

    /// <summary>The hub at <paramref name="fetch"/>'s base URL, with its politeness.</summary>
    public static HubOptions From(FetchOptions fetch) => new() { BaseUrl = fetch.BaseUrl, Http = fetch };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Http.Validate();
        if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"hub option BaseUrl = {BaseUrl} is not an absolute http(s) URL", nameof(BaseUrl));
        }

        if (MaxResumes is < 0 or > 1000)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"hub option MaxResumes = {MaxResumes} is out of range (0..1000)"), nameof(MaxResumes));
        }
    }

    /// <summary><see cref="BaseUrl"/> with a trailing slash.</summary>
    internal Uri Root => BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
}
