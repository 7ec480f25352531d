using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Publish.Tests.Fixtures;
using Spectre.Console.Testing;

namespace NeuroNav.Publish.Tests;

/// <summary>
/// What an anonymous reader (a notebook, a browser) gets from the bucket, before and after <c>publish --apply-public-read</c>.
/// Requests are unsigned. moto 5 refuses an unsigned GET of a private object (403) until a bucket policy allows it, and
/// checks the policy's resource, so these tests fail if the policy grants nothing or misses the prefix.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class PublicReadTests : IDisposable
{
    private readonly MotoServer _moto;
    private readonly TinyBuild _site = new();
    private readonly HttpClient _anonymous = new();

    public PublicReadTests(MotoServer moto)
    {
        _moto = moto;
        PublishCli.UseMotoCredentials();
    }

    [S3Fact]
    public async Task Apply_public_read_lets_an_anonymous_reader_get_a_neuron_a_page_and_the_corpus_it_lists()
    {
        var (_, client, bucket) = await _moto.NewBucketAsync();
        await _site.BuildAsync();
        var corpus = await WriteCorpusAsync();
        var site = new Uri(_moto.Endpoint, $"{bucket}/site/");
        Assert.Equal(0, (await RunAsync(bucket, "--prefix", "site", "--corpus", corpus, "--public-url", site.ToString())).Code);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "private/notes.txt", ContentBody = "not for the public" });
        string[] paths = ["api/tiny-a/0/2.json", "tiny-a/0/2.html", "corpus/manifest.json"];
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(new Uri(site, path)));
        }

        var (code, output) = await RunAsync(bucket, "--prefix", "site", "--corpus", corpus, "--public-url", site.ToString(), "--apply-public-read");

        Assert.Equal(0, code);
        Assert.Contains("Bucket policy applied: anyone may get the objects under", output, StringComparison.Ordinal);
        foreach (var path in paths[..2])
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_site.Output, path)), await GetBytesAsync(new Uri(site, path)));
        }

        var neuron = JsonNode.Parse(await _anonymous.GetStringAsync(new Uri(site, "api/tiny-a/0/2.json")))!;
        Assert.Equal(2, (int?)neuron["neuron"]);

        // The notebook's route: the corpus manifest's URLs, fetched anonymously, give the published Parquet files.
        using var manifest = JsonDocument.Parse(await GetBytesAsync(new Uri(site, "corpus/manifest.json")));
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = await GetBytesAsync(new Uri(file.GetProperty("url").GetString()!));
            Assert.Equal(file.GetProperty("sha256").GetString(), Hashing.Sha256Hex(bytes));
            Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        }

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(new Uri(_moto.Endpoint, $"{bucket}/private/notes.txt")));
    }

    [S3Fact]
    public async Task Apply_public_read_keeps_the_other_statements_and_holds_one_neuronav_statement()
    {
        var (store, client, bucket) = await _moto.NewBucketAsync();
        await _site.BuildAsync();
        const string Shared = """{ "Sid": "Shared", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::BUCKET/shared/*" }""";
        var other = JsonNode.Parse(Shared.Replace("BUCKET", bucket, StringComparison.Ordinal))!;
        await client.PutBucketPolicyAsync(bucket, new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(other.DeepClone()) }.ToJsonString());

        Assert.Equal(0, (await RunAsync(bucket, "--prefix", "site", "--apply-public-read")).Code);
        Assert.Equal(0, (await RunAsync(bucket, "--prefix", "site", "--apply-public-read")).Code);

        var statements = JsonNode.Parse((await store.Access.GetPolicyAsync(CancellationToken.None))!)!["Statement"]!.AsArray();
        Assert.Equal(2, statements.Count);
        Assert.True(JsonNode.DeepEquals(other, statements[0]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(BucketPolicy.Document(bucket, "site/"))!["Statement"]![0], statements[1]));
    }

    [S3Fact]
    public async Task Apply_public_read_is_refused_while_block_public_access_blocks_public_policies()
    {
        var (store, client, bucket) = await _moto.NewBucketAsync();
        await _site.BuildAsync();
        await client.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true },
        });

        var (code, output) = await RunAsync(bucket, "--prefix", "site", "--apply-public-read");

        Assert.Equal((int)ExitCode.Aborted, code);
        Assert.Contains($"s3://{bucket}: Block Public Access has BlockPublicPolicy and RestrictPublicBuckets on", output, StringComparison.Ordinal);
        Assert.Contains("BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false", output, StringComparison.Ordinal);
        Assert.Null(await store.Access.GetPolicyAsync(CancellationToken.None));
        Assert.Empty(await PublishEndToEndTests.ListAsync(client, bucket)); // refused before anything was uploaded
    }

    [S3Fact]
    public async Task CloudFront_read_replaces_the_public_grant_and_stays_allowed_by_block_public_access()
    {
        var (store, client, bucket) = await _moto.NewBucketAsync();
        await _site.BuildAsync();
        Assert.Equal(0, (await RunAsync(bucket, "--prefix", "site", "--apply-public-read")).Code);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(new Uri(_moto.Endpoint, $"{bucket}/site/api/tiny-a/0/2.json")));
        await client.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true },
        });
        const string Distribution = "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE";

        Assert.Equal(0, (await RunAsync(bucket, "--prefix", "site", "--apply-public-read", "--cloudfront-distribution", Distribution)).Code);

        var statement = Assert.Single(JsonNode.Parse((await store.Access.GetPolicyAsync(CancellationToken.None))!)!["Statement"]!.AsArray());
        Assert.Equal(Distribution, (string?)statement!["Condition"]!["StringEquals"]!["AWS:SourceArn"]);
    }

    [S3Fact]
    public async Task Apply_website_resolves_folders_to_index_html_and_missing_keys_to_the_sites_404()
    {
        var (_, client, bucket) = await _moto.NewBucketAsync();
        await _site.BuildAsync();

        var (code, output) = await RunAsync(bucket, "--prefix", "site", "--apply-website");

        Assert.Equal(0, code);
        Assert.Contains("missing keys site/404.html", output, StringComparison.Ordinal);
        var website = await client.GetBucketWebsiteAsync(bucket);
        Assert.Equal("index.html", website.WebsiteConfiguration.IndexDocumentSuffix);
        Assert.Equal("site/404.html", website.WebsiteConfiguration.ErrorDocument);
    }

    [Fact]
    public async Task Print_policy_prints_the_document_without_touching_the_bucket_or_the_site()
    {
        var console = new TestConsole().Width(1000);

        var code = await NeuroNavApp.RunAsync(["publish", "--dir", _site.Combine("never-built"), "--bucket", "neuronav", "--prefix", "site", "--endpoint", "http://127.0.0.1:9/", "--print-policy"], console);

        Assert.Equal(0, code);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(BucketPolicy.Document("neuronav", "site/")), JsonNode.Parse(console.Output)));
    }

    [Fact]
    public async Task A_cloudfront_distribution_that_is_not_an_arn_is_a_bad_argument()
    {
        var console = new TestConsole().Width(1000);

        var code = await NeuroNavApp.RunAsync(["publish", "--bucket", "neuronav", "--print-policy", "--cloudfront-distribution", "EDFDVBD6EXAMPLE"], console);

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("--cloudfront-distribution: 'EDFDVBD6EXAMPLE' is not a distribution ARN", console.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _anonymous.Dispose();
        _site.Dispose();
    }

    private async Task<HttpStatusCode> StatusAsync(Uri url)
    {
        using var response = await _anonymous.GetAsync(url);
        return response.StatusCode;
    }

    private async Task<byte[]> GetBytesAsync(Uri url)
    {
        using var response = await _anonymous.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<string> WriteCorpusAsync()
    {
        var corpus = new CorpusStore(_site.Combine("corpus"));
        var neurons = new[] { TinyBuild.Neuron("tiny-a", 0, 1, 2f), TinyBuild.Neuron("tiny-a", 0, 2, 3f) };
        var coverage = neurons.Select(n => new CoverageRow("tiny-a", 0, n.Id.Neuron, "neuroscope", CoverageStatus.Present, null, n.Provenance.Url, 200, n.Provenance.FetchedAt)).ToList();
        await corpus.WriteBatchAsync("tiny-a", 0, neurons, coverage, CancellationToken.None);
        return corpus.Root;
    }

    private Task<(int Code, string Output)> RunAsync(string bucket, params string[] args) => PublishCli.RunAsync(_moto, _site.Output, bucket, args);
}
