using AngleSharp.Html.Parser;

namespace NeuroNav.Build.Verify;

/// <summary>Every href and src of every HTML page: a file of the site, or an absolute http(s) link out of it.</summary>
internal static class LinkChecks
{
    private static readonly Uri Site = new("https://site.invalid/");

    public static async Task<(long Pages, long Links)> RunAsync(SiteFiles site, List<VerifyProblem> problems, CancellationToken ct)
    {
        var parser = new HtmlParser();
        var files = site.Present;
        long pages = 0, links = 0;
        foreach (var path in files.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            pages++;
            string html;
            try
            {
                html = System.Text.Encoding.UTF8.GetString(await site.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
            }
            catch (InvalidDataException e)
            {
                problems.Add(new VerifyProblem(path, $"not valid gzip: {e.Message}"));
                continue;
            }

            using var doc = await parser.ParseDocumentAsync(html, ct).ConfigureAwait(false);
            var page = new Uri(Site, path);
            // The 404 page is served at any depth, so its links start with the path the site is served under.
            var sitePath = doc.QuerySelector("[data-site-path]")?.GetAttribute("data-site-path") is { Length: > 1 } p && p.StartsWith('/') ? p : null;
            foreach (var element in doc.QuerySelectorAll("[href], [src]"))
            {
                foreach (var value in new[] { element.GetAttribute("href"), element.GetAttribute("src") })
                {
                    if (value is null)
                    {
                        continue;
                    }

                    links++;
                    var link = sitePath is not null && value.StartsWith(sitePath, StringComparison.Ordinal) ? "/" + value[sitePath.Length..] : value;
                    if (Problem(page, link, files) is { } what)
                    {
                        problems.Add(new VerifyProblem(path, $"<{element.LocalName}> link '{value}' {what}"));
                    }
                }
            }
        }

        return (pages, links);
    }

    /// <summary>Why <paramref name="link"/> on <paramref name="page"/> does not resolve; null when it does.</summary>
    private static string? Problem(Uri page, string link, IReadOnlySet<string> files)
    {
        if (!Uri.TryCreate(page, link.Trim(), out var target))
        {
            return "is not a URL";
        }

        if (target.Host != Site.Host || target.Scheme != Site.Scheme)
        {
            return target.Scheme is "http" or "https" && Uri.IsWellFormedUriString(link, UriKind.Absolute) ? null : $"uses scheme '{target.Scheme}'";
        }

        var path = Uri.UnescapeDataString(target.AbsolutePath).TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/'))
        {
            path += "index.html";
        }

        return files.Contains(path) ? null : $"points to '{path}', which is not a file of the site";
    }
}
