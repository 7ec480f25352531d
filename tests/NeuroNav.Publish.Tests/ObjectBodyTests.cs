using System.IO.Compression;
using System.Text;

namespace NeuroNav.Publish.Tests;

public sealed class ObjectBodyTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("{\"schema\":\"layer-index\",\"neurons\":[" + string.Join(',', Enumerable.Range(0, 500)) + "]}");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("identity")]
    public void A_body_stored_plain_is_read_as_it_is(string? encoding)
    {
        Assert.Equal(Json, ObjectBody.Decode(Json, encoding, "site/api/m/0/index.json"));
    }

    [Fact]
    public void A_body_stored_with_gzip_or_br_is_decompressed()
    {
        Assert.Equal(Json, ObjectBody.Decode(Compress(s => new GZipStream(s, CompressionLevel.Optimal)), "gzip", "k"));
        Assert.Equal(Json, ObjectBody.Decode(Compress(s => new BrotliStream(s, CompressionLevel.Optimal)), "br", "k"));
    }

    [Fact]
    public void A_gzip_object_an_http_client_already_decoded_is_read_as_it_is()
    {
        Assert.Equal(Json, ObjectBody.Decode(Json, "gzip", "k"));
    }

    [Fact]
    public void An_unknown_encoding_or_a_broken_body_is_refused_naming_the_key()
    {
        var unknown = Assert.Throws<PublishException>(() => ObjectBody.Decode(Json, "compress", "site/api/m/0/index.json"));
        Assert.Contains("site/api/m/0/index.json: stored with Content-Encoding 'compress'", unknown.Message, StringComparison.Ordinal);

        var broken = Compress(s => new GZipStream(s, CompressionLevel.Optimal));
        broken.AsSpan(10, 12).Fill(0xff);
        var e = Assert.Throws<PublishException>(() => ObjectBody.Decode(broken, "gzip", "site/manifest.json"));
        Assert.StartsWith("site/manifest.json: stored with Content-Encoding 'gzip' but does not decompress", e.Message, StringComparison.Ordinal);
    }

    private static byte[] Compress(Func<Stream, Stream> encoder)
    {
        using var buffer = new MemoryStream();
        using (var zip = encoder(buffer))
        {
            zip.Write(Json);
        }

        return buffer.ToArray();
    }
}
