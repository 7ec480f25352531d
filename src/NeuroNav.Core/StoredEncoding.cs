using System.IO.Compression;

namespace NeuroNav.Core;

/// <summary>
/// How a file of a built site is stored. A precompressed file keeps its public path (<c>api/m/3/7.json</c>, the URL a
/// client asks for) in the manifest, with <c>"encoding": "gzip"</c>; on disk it is that path plus <c>.gz</c>, and a store
/// or server hands out its bytes as they are with <c>Content-Encoding: gzip</c>. Its manifest size and sha256 are those
/// of the stored (compressed) bytes. gzip is the one encoding every client decodes: requests, pandas (which reads the
/// header itself), urllib3, curl, every browser.
/// </summary>
public static class StoredEncoding
{
    public const string Gzip = "gzip";

    /// <summary>What the disk name adds to the site path of a file stored with <paramref name="encoding"/>.</summary>
    public const string GzipSuffix = ".gz";

    /// <summary>Whether a manifest may name <paramref name="encoding"/> (null: stored as is).</summary>
    public static bool IsKnown(string? encoding) => encoding is null or Gzip;

    /// <summary>The file's name on disk, relative to the site: the path, plus <c>.gz</c> when stored gzip-compressed.</summary>
    public static string DiskPath(string path, string? encoding) => encoding == Gzip ? path + GzipSuffix : path;

    /// <summary>The decoded bytes of a stored body.</summary>
    public static Stream Decode(Stream stored, string? encoding) =>
        encoding == Gzip ? new GZipStream(stored, CompressionMode.Decompress) : stored;
}
