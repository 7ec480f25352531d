using System.Text;
using NeuroNav.Fetch.Http;

namespace NeuroNav.Fetch;

/// <summary>Downloads neuroscope.io's main index page (the models table) through the polite client.</summary>
public sealed class MainIndexFetcher(SourceHttpClient http, FetchOptions options)
{
    /// <summary>The index URL: <see cref="FetchOptions.BaseUrl"/> itself.</summary>
    public Uri Url => options.Root;

    /// <summary>The page as text. Throws <see cref="SourceFetchException"/> naming the URL when it cannot be fetched.</summary>
    public async Task<string> GetAsync(CancellationToken ct)
    {
        var result = await http.GetAsync(Url, ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new SourceFetchException(Url, $"{Url}: cannot fetch the main index: {result.Describe()}");
        }

        return Encoding.UTF8.GetString(result.Body);
    }

    /// <summary>Fetches the main index with a client of its own.</summary>
    public static async Task<string> GetAsync(FetchOptions options, CancellationToken ct)
    {
        using var http = new SourceHttpClient(options);
        return await new MainIndexFetcher(http, options).GetAsync(ct).ConfigureAwait(false);
    }
}

/// <summary>A page NeuroNav needs as a whole (not one neuron among many) could not be fetched.</summary>
public sealed class SourceFetchException : Exception
{
    public SourceFetchException(Uri url, string message) : base(message) => Url = url;

    public Uri Url { get; }
}
