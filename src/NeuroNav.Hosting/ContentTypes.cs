using Microsoft.AspNetCore.StaticFiles;

namespace NeuroNav.Hosting;

/// <summary>The Content-Type of every file kind the site and the sample mirror hold.</summary>
public static class ContentTypes
{
    public const string Unknown = "application/octet-stream";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".txt"] = "text/plain; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
        [".parquet"] = "application/vnd.apache.parquet",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
        [".wasm"] = "application/wasm",
        [".gz"] = "application/gzip",
    };

    /// <summary>Static-files provider with exactly these mappings; other extensions are served as <see cref="Unknown"/>.</summary>
    public static IContentTypeProvider Provider { get; } = new FileExtensionContentTypeProvider(Types);

    /// <summary>The Content-Type for a path, by extension.</summary>
    public static string For(string path) => Types.TryGetValue(Path.GetExtension(path), out var type) ? type : Unknown;
}
