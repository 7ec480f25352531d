namespace NeuroNav.Publish.Tests;

public sealed class ObjectHeadersTests
{
    [Theory]
    [InlineData("api/gpt2-small/3/1337.json", "application/json; charset=utf-8", null, ObjectHeadersTable.Document)]
    [InlineData("gpt2-small/3/1337.html", "text/html; charset=utf-8", null, ObjectHeadersTable.Document)]
    [InlineData("api/gpt2-small/neuroscope/3/1337.json", "application/json; charset=utf-8", null, ObjectHeadersTable.Document)]
    [InlineData("api/gpt2-small/3/index.json", "application/json; charset=utf-8", null, ObjectHeadersTable.Index)]
    [InlineData("index.html", "text/html; charset=utf-8", null, ObjectHeadersTable.Index)]
    [InlineData("api.html", "text/html; charset=utf-8", null, ObjectHeadersTable.Index)]
    [InlineData("api/schema/neuron.schema.json", "application/json; charset=utf-8", null, ObjectHeadersTable.Index)]
    [InlineData("assets/site.css", "text/css; charset=utf-8", null, ObjectHeadersTable.Index)]
    [InlineData("assets/site.3f9a0c1e.css", "text/css; charset=utf-8", null, ObjectHeadersTable.Immutable)]
    [InlineData("manifest.json", "application/json; charset=utf-8", null, ObjectHeadersTable.Manifest)]
    [InlineData("downloads/corpus.tar.gz", "application/gzip", null, ObjectHeadersTable.Document)]
    [InlineData("neuroscope_texts/model=gpt2-small/layer=3/part-0638998765432109876-0a1b2c3d.parquet", "application/vnd.apache.parquet", null, ObjectHeadersTable.Immutable)]
    public void Headers_follow_the_kind_of_path(string path, string type, string? encoding, string cache)
    {
        var headers = ObjectHeadersTable.For(path);

        Assert.Equal(new ObjectHeaders(type, encoding, cache), headers);
    }

    [Theory]
    [InlineData("api/gpt2-small/3/1337.json", "application/json; charset=utf-8")]
    [InlineData("api/gpt2-small/neuroscope/3/1337.json", "application/json; charset=utf-8")]
    [InlineData("gpt2-small/3/1337.html", "text/html; charset=utf-8")]
    public void A_file_listed_as_gzip_keeps_its_own_type_and_adds_the_content_encoding(string path, string type)
    {
        var headers = ObjectHeadersTable.For(path, "gzip");

        Assert.Equal(new ObjectHeaders(type, "gzip", ObjectHeadersTable.Document), headers);
    }
}
