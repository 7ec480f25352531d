using System.Net;
using System.Text.Json;
using DuckDB.NET.Data;
using NeuroNav.Publish.Tests.Fixtures;
using NeuroNav.TestKit.Clients;

namespace NeuroNav.Publish.Tests;

/// <summary>
/// A site built as the <c>full</c> profile writes it (per-neuron files gzip-compressed), published to moto's S3 and read
/// back over plain HTTP by the clients a notebook uses, under the URLs the plain site has; compared with a plain build.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class PrecompressedClientTests(MotoServer moto) : IDisposable
{
    private const string Prefix = "site/";
    private const string Neuron = "api/tiny-a/0/2.json";
    private const string LayerIndex = "api/tiny-a/0/index.json";
    private readonly TinyBuild _site = new();

    [S3Fact]
    public async Task The_bucket_returns_the_stored_gzip_with_its_headers_under_the_plain_url()
    {
        var url = await PublishAsync();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });

        using var response = await http.GetAsync(new Uri(url, Neuron));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_site.Output, Neuron + ".gz")), await response.Content.ReadAsByteArrayAsync());
        using var decoding = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip });
        Assert.Equal(await PlainAsync(Neuron), await decoding.GetByteArrayAsync(new Uri(url, Neuron)));
    }

    [PythonS3Fact("requests")]
    public async Task Requests_get_json_reads_a_gzip_stored_document_from_the_bucket()
    {
        var url = await PublishAsync();

        var (status, encoding, json) = await PythonClients.RequestsGetJsonAsync(new Uri(url, Neuron));

        Assert.Equal((200, "gzip"), (status, encoding));
        using var expected = JsonDocument.Parse(await PlainAsync(Neuron));
        Assert.True(JsonElement.DeepEquals(expected.RootElement, json), "requests' .json() differs from the plain document");
    }

    [PythonS3Fact("pandas")]
    public async Task Pandas_read_json_reads_a_gzip_stored_document_and_the_layer_index_from_the_bucket()
    {
        var url = await PublishAsync();

        var neuron = await PythonClients.PandasReadNeuronAsync(new Uri(url, Neuron));
        var neurons = await PythonClients.PandasReadLayerIndexAsync(new Uri(url, LayerIndex));

        Assert.Equal(("tiny-a", 0, 2), (neuron.GetProperty("model").GetString(), neuron.GetProperty("layer").GetInt32(), neuron.GetProperty("neuron").GetInt32()));
        Assert.Equal(["<|endoftext|>", "The", " cat", " sat", " on"], neuron.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([0, 1, 2, 5], neurons.Order());
    }

    /// <summary>
    /// DuckDB's <c>read_json</c> over HTTP needs its httpfs extension, which is downloaded on first use and cannot be here.
    /// What runs is DuckDB on the body the bucket returns, which httpfs hands over as is (it neither asks for nor decodes
    /// a Content-Encoding): the layer index reads unchanged; a per-neuron document needs <c>compression = 'gzip'</c>.
    /// </summary>
    [S3Fact]
    public async Task DuckDB_reads_the_layer_index_as_returned_and_a_neuron_document_with_compression_gzip()
    {
        var url = await PublishAsync();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
        var index = _site.Combine("returned", "index.json");
        var neuron = _site.Combine("returned", "2.json");
        Directory.CreateDirectory(Path.GetDirectoryName(index)!);
        await File.WriteAllBytesAsync(index, await http.GetByteArrayAsync(new Uri(url, LayerIndex)));
        await File.WriteAllBytesAsync(neuron, await http.GetByteArrayAsync(new Uri(url, Neuron)));
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();

        var rows = await ScalarAsync<long>(db, $"select len(neurons) from read_json('{index}')");
        var doc = await ScalarAsync<string>(db, $"select model || '/' || layer || '/' || neuron from read_json('{neuron}', compression = 'gzip')");
        var plain = Assert.Throws<DuckDBException>(() => Scalar(db, $"select model from read_json('{neuron}')"));

        Assert.Equal(4, rows);
        Assert.Equal("tiny-a/0/2", doc);
        Assert.Contains("Malformed JSON", plain.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _site.Dispose();

    /// <summary>Builds the site compressed and publishes it readable by anyone; the site's public URL.</summary>
    private async Task<Uri> PublishAsync()
    {
        var (store, _, bucket) = await moto.NewBucketAsync();
        await store.Access.ApplyReadPolicyAsync(Prefix, null, CancellationToken.None);
        await _site.BuildAsync(precompress: true);
        await _site.BuildAsync(output: _site.Combine("plain"));
        var tree = SiteTrees.Whole(_site.Output, Prefix);
        var publisher = new Publisher(store, new PublishOptions(Parallelism: 4));
        await publisher.ExecuteAsync(tree, await publisher.PlanAsync(tree, CancellationToken.None), null, CancellationToken.None);
        return new Uri(moto.Endpoint, $"{bucket}/{Prefix}");
    }

    private Task<byte[]> PlainAsync(string path) => File.ReadAllBytesAsync(Path.Combine(_site.Combine("plain"), path));

    private static async Task<T> ScalarAsync<T>(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static object? Scalar(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
