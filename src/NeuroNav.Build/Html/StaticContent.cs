using Markdig;
using Markdig.Syntax;
using NeuroNav.Build.Pages;

namespace NeuroNav.Build.Html;

/// <summary>A Markdown page of <c>content/</c>, converted to HTML, for <c>page.sbn</c>.</summary>
internal sealed record MarkdownPageView(string Title, string Html);

/// <summary>Reads the site's assets and Markdown pages once, at start-up.</summary>
internal static class StaticContent
{
    /// <summary>The Markdown pages of <c>content/</c> and the site path each becomes.</summary>
    public static readonly IReadOnlyList<(string Source, string Target)> MarkdownPages = [("about.md", "about.html"), ("api.md", "api.html")];

    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static MarkdownPageView ReadMarkdown(string path)
    {
        var markdown = ReadText(path);
        var document = Markdown.Parse(markdown, Pipeline);
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1)
            ?? throw new TemplateLoadException($"{path}: a Markdown page needs a '# Title' heading");
        var title = markdown.Substring(heading.Span.Start, heading.Span.Length).TrimStart('#').Trim();
        return new MarkdownPageView(title, document.ToHtml(Pipeline));
    }

    /// <summary>Every file under <c>content/assets</c>, as <c>assets/…</c>, in ordinal path order.</summary>
    public static IReadOnlyList<StaticFile> ReadAssets(string contentDirectory)
    {
        var root = Path.GetFullPath(Path.Combine(contentDirectory, "assets"));
        if (!Directory.Exists(root))
        {
            throw new TemplateLoadException($"{root}: the assets folder is missing");
        }

        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => new StaticFile("assets/" + Path.GetRelativePath(root, f).Replace('\\', '/'), ReadBytes(f)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateLoadException($"{path}: cannot read: {e.Message}", e);
        }
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateLoadException($"{path}: cannot read: {e.Message}", e);
        }
    }
}
