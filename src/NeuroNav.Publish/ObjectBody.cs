using System.IO.Compression;

namespace NeuroNav.Publish;

/// <summary>
/// The one way a stored object's bytes are read back: decompressed when the object says it is stored compressed
/// (<c>Content-Encoding: gzip</c> or <c>br</c>), as a browser or <c>requests</c> would, so manifests and layer indexes read the
/// same whether they were stored plain or precompressed.
/// </summary>
public static class ObjectBody
{
    /// <param name="contentEncoding">The object's <c>Content-Encoding</c>; null or empty for none.</param>
    /// <param name="key">The object's key, named in errors.</param>
    /// <exception cref="PublishException">An encoding NeuroNav does not store, or a body that does not decompress.</exception>
    public static byte[] Decode(byte[] body, string? contentEncoding, string key)
    {
        var encoding = (contentEncoding ?? "").Trim().ToLowerInvariant();
        if (encoding is "" or "identity" || (encoding == "gzip" && !IsGzip(body)))
        {
            // A transport that already decoded the body (an HTTP client with automatic decompression) leaves plain bytes.
            return body;
        }

        try
        {
            using var input = new MemoryStream(body);
            using Stream decoder = encoding switch
            {
                "gzip" => new GZipStream(input, CompressionMode.Decompress),
                "br" => new BrotliStream(input, CompressionMode.Decompress),
                _ => throw new PublishException($"{key}: stored with Content-Encoding '{contentEncoding}', which NeuroNav does not read (gzip, br)"),
            };
            using var output = new MemoryStream(body.Length * 4);
            decoder.CopyTo(output);
            return output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new PublishException($"{key}: stored with Content-Encoding '{contentEncoding}' but does not decompress ({e.Message})", e);
        }
    }

    private static bool IsGzip(byte[] body) => body.Length >= 2 && body[0] == 0x1f && body[1] == 0x8b;
}
