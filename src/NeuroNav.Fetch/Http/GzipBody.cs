using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using System.Net.Http.Headers;

namespace NeuroNav.Fetch.Http;

/// <summary>
/// Decodes a <c>Content-Encoding: gzip</c> body and proves it whole. .NET's <see cref="GZipStream"/> stops quietly where
/// its input ends, so a body cut short (a proxy that truncated it under a matching Content-Length, a short read) would
/// decode to a shorter page and be mistaken for a bad page; here the last member's trailer (CRC-32 and size of its data,
/// RFC 1952) must match the data decoded, else the body is a transport fault (<see cref="HttpRequestException"/>:
/// retried, and recorded failed when the retries run out, so the next run fetches it again).
/// </summary>
internal static class GzipBody
{
    /// <summary>Whether the response's only content coding is gzip.</summary>
    public static bool Applies(HttpContentHeaders headers) =>
        headers.ContentEncoding.Count == 1 && headers.ContentEncoding.First().Trim().ToLowerInvariant() is "gzip" or "x-gzip";

    /// <summary>The decoded body, at most <paramref name="maxBytes"/> long.</summary>
    /// <exception cref="HttpRequestException">The body is not a complete gzip stream.</exception>
    /// <exception cref="ResponseTooLargeException">The decoded body is over <paramref name="maxBytes"/>.</exception>
    public static byte[] Decode(byte[] body, long maxBytes, Uri? url)
    {
        // 10-byte header + at least an empty deflate block + 8-byte trailer.
        if (body.Length < 20 || body[0] != 0x1f || body[1] != 0x8b)
        {
            throw Fault(url, body.Length, "is not a gzip stream");
        }

        using var output = new MemoryStream();
        try
        {
            using var gzip = new GZipStream(new MemoryStream(body, writable: false), CompressionMode.Decompress);
            var chunk = new byte[81920];
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new ResponseTooLargeException(string.Create(
                        CultureInfo.InvariantCulture, $"response body of {url} decodes to more than the limit of {maxBytes} bytes"));
                }

                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw Fault(url, body.Length, $"does not decode ({e.Message})", e);
        }

        var data = output.GetBuffer().AsSpan(0, (int)output.Length);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(body.Length - 8));
        var size = BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(body.Length - 4));
        if (size > data.Length || Crc32.HashToUInt32(data[^(int)size..]) != crc)
        {
            throw Fault(url, body.Length, string.Create(
                CultureInfo.InvariantCulture, $"is cut short or corrupt: its gzip trailer does not match the {data.Length} bytes decoded"));
        }

        return data.ToArray();
    }

    private static HttpRequestException Fault(Uri? url, int bytes, string what, Exception? inner = null) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the gzip body of {url} ({bytes} bytes) {what}"), inner);
}
