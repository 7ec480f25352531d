using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NeuroNav.Build;
using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.Hosting;
using NeuroNav.TestKit;
using NeuroNav.TestKit.Clients;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests.Precompressed;

/// <summary>
/// The sample corpus built as the <c>full</c> profile writes it (per-neuron files gzip-compressed) beside the plain
/// build of <see cref="SampleSite"/>: the same documents under the same URLs, served by <c>neuronav serve</c> to clients
/// that decode gzip and to clients that do not, and checked by <c>verify</c>.
/// </summary>
public sealed class PrecompressedSiteTests(SampleSite site) : IClassFixture<SampleSite>, IDisposable
{
    private const string Neuron = "api/gpt2-small/3/4.json";
    private readonly TempDirectory _dir = new("neuronav-precompressed");

    private string Output => _dir.Combine("output");

    [Fact]
    public async Task Per_neuron_files_are_stored_compressed_and_decode_to_the_plain_builds_bytes()
    {
        var report = await BuildAsync();

        var manifest = SiteManifestFormat.Parse(File.ReadAllBytes(Path.Combine(Output, "manifest.json"))).ToDictionary(f => f.Path, f => f.Entry);
        var plain = SiteManifestFormat.Parse(File.ReadAllBytes(Path.Combine(site.Output, "manifest.json"))).ToDictionary(f => f.Path, f => f.Entry);
        Assert.Equal(plain.Keys.Order(StringComparer.Ordinal), manifest.Keys.Order(StringComparer.Ordinal));
        foreach (var path in new[] { Neuron, "api/gpt2-small/neuroscope/3/4.json", "gpt2-small/3/4.html" })
        {
            var entry = manifest[path];
            Assert.Equal("gzip", entry.Encoding);
            Assert.False(File.Exists(Path.Combine(Output, path)), $"{path} is also stored plain");
            var stored = await File.ReadAllBytesAsync(Path.Combine(Output, path + ".gz"));
            Assert.Equal((entry.Bytes, entry.Sha256), (stored.LongLength, Hashing.Sha256Hex(stored)));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(site.Output, path)), Decode(stored));
        }

        Assert.All(new[] { "api/gpt2-small/3/index.json", "gpt2-small/3/index.html", "api/index.json", "index.html", "404.html" }, p => Assert.Null(manifest[p].Encoding));
        var stored3 = manifest.Where(f => f.Value.Encoding is not null).Sum(f => f.Value.Bytes);
        var plain3 = plain.Where(f => manifest[f.Key].Encoding is not null).Sum(f => f.Value.Bytes);
        Assert.True(stored3 < plain3 / 2, $"per-neuron files: {stored3:N0} bytes compressed, {plain3:N0} plain");

        var again = await BuildAsync();
        Assert.Equal((0L, report.FilesWritten - 1), (again.FilesWritten, again.FilesUnchanged));
    }

    [Fact]
    public async Task Switching_a_folder_between_plain_and_compressed_leaves_one_copy_of_each_file_and_verify_passes()
    {
        await BuildAsync(precompress: false);
        await BuildAsync();
        Assert.False(File.Exists(Path.Combine(Output, Neuron)));
        Assert.Equal(0, await VerifyAsync());

        await BuildAsync(precompress: false);
        Assert.False(File.Exists(Path.Combine(Output, Neuron + ".gz")));
        Assert.Equal(0, await VerifyAsync());
    }

    [Fact]
    public async Task Verify_reads_compressed_files_decoded_and_names_a_damaged_one()
    {
        await BuildAsync();
        Assert.Equal(0, await VerifyAsync());

        // Relisted with its new sha256, so only the decoded content can show the damage.
        var file = Path.Combine(Output, Neuron + ".gz");
        var doc = System.Text.Encoding.UTF8.GetString(Decode(await File.ReadAllBytesAsync(file))).Replace("\"neuron\":4", "\"neuron\":\"four\"", StringComparison.Ordinal);
        await File.WriteAllBytesAsync(file, Encode(System.Text.Encoding.UTF8.GetBytes(doc)));
        Relist(Neuron);
        await File.WriteAllBytesAsync(Path.Combine(Output, "gpt2-small/3/5.html.gz"), "not gzip"u8.ToArray());
        Relist("gpt2-small/3/5.html");

        var console = new TestConsole().Width(400);
        var code = await NeuroNavApp.RunAsync(["verify", "--dir", Output, "--corpus", site.CorpusRoot], console);

        Assert.Equal((int)ExitCode.CompletedWithFailures, code);
        Assert.Contains($"{Neuron}: does not match schema 'neuron'", console.Output, StringComparison.Ordinal);
        Assert.Contains("gpt2-small/3/5.html: not valid gzip", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_sends_the_stored_gzip_to_a_client_that_accepts_it_and_the_json_to_one_that_does_not()
    {
        await BuildAsync();
        await using var server = await StaticSiteServer.StartAsync(Output, 0, CancellationToken.None);
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseAddress };
        var plain = await File.ReadAllBytesAsync(Path.Combine(site.Output, Neuron));

        using var gzip = new HttpRequestMessage(HttpMethod.Get, Neuron);
        gzip.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var zipped = await http.SendAsync(gzip);
        Assert.Equal(HttpStatusCode.OK, zipped.StatusCode);
        Assert.Equal("application/json; charset=utf-8", zipped.Content.Headers.ContentType?.ToString());
        Assert.Equal(["gzip"], zipped.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", zipped.Headers.Vary);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Output, Neuron + ".gz")), await zipped.Content.ReadAsByteArrayAsync());

        using var bare = await http.GetAsync(Neuron);
        Assert.Equal("application/json; charset=utf-8", bare.Content.Headers.ContentType?.ToString());
        Assert.Empty(bare.Content.Headers.ContentEncoding);
        Assert.Equal(plain, await bare.Content.ReadAsByteArrayAsync());

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Neuron));
        Assert.Equal(plain.LongLength, head.Content.Headers.ContentLength);

        using var missing = await http.GetAsync("api/gpt2-small/3/999.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [PythonFact("requests")]
    public async Task Requests_get_json_reads_a_compressed_document_served_under_its_url()
    {
        await BuildAsync();
        await using var server = await StaticSiteServer.StartAsync(Output, 0, CancellationToken.None);

        var (status, encoding, json) = await PythonClients.RequestsGetJsonAsync(new Uri(server.BaseAddress, Neuron));

        Assert.Equal((200, "gzip"), (status, encoding));
        using var expected = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(site.Output, Neuron)));
        Assert.True(JsonElement.DeepEquals(expected.RootElement, json), "requests' .json() differs from the document");
    }

    [PythonFact("pandas")]
    public async Task Pandas_read_json_reads_a_compressed_document_and_a_layer_index_served_under_their_urls()
    {
        await BuildAsync();
        await using var server = await StaticSiteServer.StartAsync(Output, 0, CancellationToken.None);

        var neuron = await PythonClients.PandasReadNeuronAsync(new Uri(server.BaseAddress, Neuron));
        var neurons = await PythonClients.PandasReadLayerIndexAsync(new Uri(server.BaseAddress, "api/gpt2-small/3/index.json"));

        using var expected = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(site.Output, Neuron)));
        var tokens = expected.RootElement.GetProperty("neuroscope").GetProperty("texts")[0].GetProperty("tokens");
        Assert.Equal(("gpt2-small", 3, 4), (neuron.GetProperty("model").GetString(), neuron.GetProperty("layer").GetInt32(), neuron.GetProperty("neuron").GetInt32()));
        Assert.True(JsonElement.DeepEquals(tokens, neuron.GetProperty("tokens")), "pandas' tokens differ from the document's");
        using var index = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(site.Output, "api/gpt2-small/3/index.json")));
        Assert.Equal(index.RootElement.GetProperty("neurons").EnumerateArray().Select(n => n.GetProperty("neuron").GetInt32()), neurons);
    }

    public void Dispose() => _dir.Dispose();

    private Task<BuildReport> BuildAsync(bool precompress = true) =>
        new SiteBuilder(site.Corpus, SampleSite.Catalog, SampleSite.Renderer, NeuroNav.Modules.SourceModules.SectionsFor(site.Corpus)).BuildAsync(new BuildOptions(Output, [], Precompress: precompress), null, CancellationToken.None);

    private async Task<int> VerifyAsync()
    {
        var console = new TestConsole().Width(400);
        var code = await NeuroNavApp.RunAsync(["verify", "--dir", Output, "--corpus", site.CorpusRoot], console);
        Assert.True(code == 0, console.Output);
        return code;
    }

    private void Relist(string path)
    {
        var manifestFile = Path.Combine(Output, "manifest.json");
        var entries = SiteManifestFormat.Parse(File.ReadAllBytes(manifestFile)).ToDictionary(f => f.Path, f => f.Entry);
        var bytes = File.ReadAllBytes(Path.Combine(Output, StoredEncoding.DiskPath(path, entries[path].Encoding)));
        entries[path] = entries[path] with { Bytes = bytes.Length, Sha256 = Hashing.Sha256Hex(bytes) };
        File.WriteAllBytes(manifestFile, SiteManifestFormat.Serialize(entries));
    }

    private static byte[] Decode(byte[] gzip)
    {
        using var decoded = new MemoryStream();
        using (var stream = StoredEncoding.Decode(new MemoryStream(gzip), StoredEncoding.Gzip))
        {
            stream.CopyTo(decoded);
        }

        return decoded.ToArray();
    }

    private static byte[] Encode(byte[] plain)
    {
        using var encoded = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(encoded, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return encoded.ToArray();
    }
}
