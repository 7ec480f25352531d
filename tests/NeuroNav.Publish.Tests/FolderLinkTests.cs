using System.Text.RegularExpressions;
using NeuroNav.Publish.Tests.Fixtures;

namespace NeuroNav.Publish.Tests;

/// <summary>
/// Behind CloudFront with origin access control the bucket is read through its REST endpoint, which has no index
/// documents: <c>/site/gpt2-small/</c> would be a missing key. So the site never links a folder URL; every link names
/// its file (<c>index.html</c>), and any static host serves it.
/// </summary>
public sealed partial class FolderLinkTests : IDisposable
{
    private readonly TinyBuild _site = new();

    [Fact]
    public async Task Built_pages_link_files_never_folder_urls()
    {
        await _site.BuildAsync();
        var pages = Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories).ToList();
        var links = pages.SelectMany(page => Link().Matches(File.ReadAllText(page)).Select(m => (Page: Path.GetRelativePath(_site.Output, page), Url: m.Groups["url"].Value))).ToList();

        Assert.Contains(pages, p => p.EndsWith(Path.Combine("tiny-a", "0", "2.html"), StringComparison.Ordinal));
        Assert.Contains(links, l => l.Url.EndsWith("index.html", StringComparison.Ordinal)); // the pages do link each other's folders, by file
        var folders = links.Where(l => IsSiteLink(l.Url) && IsFolder(l.Url)).Select(l => $"{l.Page}: {l.Url}").ToList();
        Assert.True(folders.Count == 0, "links to folder URLs:\n" + string.Join('\n', folders));
    }

    public void Dispose() => _site.Dispose();

    private static bool IsSiteLink(string url) =>
        !url.StartsWith('#') && !url.StartsWith("//", StringComparison.Ordinal) && !Regex.IsMatch(url, "^[a-zA-Z][a-zA-Z0-9+.-]*:", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static bool IsFolder(string url)
    {
        var path = url.Split('?', '#')[0];
        return path.Length == 0 ? url.StartsWith('?') : path.EndsWith('/') || path is "." or ".." || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal);
    }

    [GeneratedRegex("""\b(?:href|src|action)\s*=\s*["'](?<url>[^"']*)["']""", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Link();
}
