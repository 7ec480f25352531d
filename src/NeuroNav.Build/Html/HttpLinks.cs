namespace NeuroNav.Build.Html;

/// <summary>Links to original sources: only absolute http(s) URLs become an href.</summary>
internal static class HttpLinks
{
    /// <summary><paramref name="url"/> when it is an absolute http or https URL, otherwise null (no link).</summary>
    public static string? OrNull(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !uri.IsFile
            ? url
            : null;
}
