using System.Globalization;

namespace NeuroNav.Fetch.Weights;

/// <summary>
/// Words for the hub's refusals. The hub says what is missing in an <c>X-Error-Code</c> header (<c>RepoNotFound</c>,
/// <c>RevisionNotFound</c>, <c>EntryNotFound</c>, <c>GatedRepo</c>) with a sentence in <c>X-Error-Message</c>, and answers
/// 401 rather than 404 for a repository it does not show an anonymous caller (missing or private).
/// </summary>
internal static class HubErrors
{
    /// <param name="status">The HTTP status.</param>
    /// <param name="headers">The response headers (case-insensitive names).</param>
    /// <param name="subject">What was asked for when the code does not say: "revision 'main'", "the file".</param>
    public static string Describe(int status, IReadOnlyDictionary<string, string> headers, string subject)
    {
        var code = headers.TryGetValue("X-Error-Code", out var c) ? c : null;
        var message = headers.TryGetValue("X-Error-Message", out var m) ? $": {m}" : "";
        var http = string.Create(CultureInfo.InvariantCulture, $"HTTP {status}{(code is null ? "" : $" {code}")}");
        var what = (code, status) switch
        {
            ("GatedRepo", _) or (_, 403) => "gated: the hub serves it only to a signed-in user who accepted its terms, and NeuroNav sends no token",
            ("RepoNotFound", _) or (_, 401) => "repository not found (or private)",
            ("RevisionNotFound", _) => $"{subject} not found",
            ("EntryNotFound", _) => "file not found at this commit",
            (_, 404 or 410) => $"{subject} not found",
            _ => "refused",
        };
        return $"{what} ({http}{message})";
    }

    /// <summary>Response and content headers of <paramref name="response"/> by name, repeated values joined.</summary>
    public static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }
}
