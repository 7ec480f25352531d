using System.Text.RegularExpressions;
using NeuroNav.Hosting;

namespace NeuroNav.Publish;

/// <summary>The HTTP headers an object is stored with.</summary>
/// <param name="ContentEncoding"><c>gzip</c> or <c>br</c> for a precompressed body, otherwise null.</param>
public sealed record ObjectHeaders(string ContentType, string? ContentEncoding, string CacheControl);

/// <summary>
/// The one table of object kinds: what a site path is stored as. Content types come from the same table
/// <c>neuronav serve</c> uses. A file the manifest lists as precompressed (<c>"encoding": "gzip"</c>, from a build of the
/// <c>full</c> profile) is stored under its own path with its own type and <c>Content-Encoding: gzip</c>, so
/// <c>api/m/3/7.json</c> stays the URL and every HTTP client gets the JSON.
/// </summary>
public static partial class ObjectHeadersTable
{
    /// <summary>Names that change when their bytes change: content-hashed assets and corpus part files.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Per-neuron documents and pages: rewritten only when a source is refetched.</summary>
    public const string Document = "public, max-age=86400";

    /// <summary>Indexes, schemas and site pages: change with every rebuild that adds data.</summary>
    public const string Index = "public, max-age=300";

    /// <summary>Manifests: always revalidated, so a reader never pairs a new manifest with stale files or the reverse.</summary>
    public const string Manifest = "no-cache";

    /// <param name="encoding">The manifest's encoding of the file (<c>gzip</c>), or null for a file stored as is.</param>
    public static ObjectHeaders For(string path, string? encoding = null)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return new ObjectHeaders(ContentTypes.For(name), encoding, CacheControlFor(path, name));
    }

    private static string CacheControlFor(string path, string name)
    {
        if (name == SiteManifest.FileName)
        {
            return Manifest;
        }

        if (HashedName().IsMatch(name) || CorpusPart().IsMatch(name))
        {
            return Immutable;
        }

        if (name.StartsWith("index.", StringComparison.Ordinal) || path.StartsWith("api/schema/", StringComparison.Ordinal) || !path.Contains('/', StringComparison.Ordinal))
        {
            return Index;
        }

        return path.StartsWith("assets/", StringComparison.Ordinal) ? Index : Document;
    }

    /// <summary><c>site.3f9a0c1e.css</c>: a name with a content hash of at least 8 hex digits.</summary>
    [GeneratedRegex(@"\.[0-9a-f]{8,64}\.[A-Za-z0-9]+$")]
    private static partial Regex HashedName();

    /// <summary>Corpus parts: <c>part-{ticks:D19}-{8 hex}.parquet</c>, never rewritten under the same name.</summary>
    [GeneratedRegex(@"^part-[0-9]{19}-[0-9a-f]{8}\.parquet$")]
    private static partial Regex CorpusPart();
}
