using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Publish.Tests.Fixtures;

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
        PublishRun.UseMotoCredentials();
    }

    [S3Fact]
    public async Task Apply_public_read_lets_an_anonymous_reader_get_a_neuron_a_page_and_the_corpus_it_lists()
    {
        var (_, client, bucket) = await _moto.NewBucketAsync();
        await _site.BuildAsync();
        var corpus = await WriteCorpusAsync();
        var site = new Uri(_moto.Endpoint, $"{bucket}/site/");
        var request = Request(bucket) with { Prefix = "site", Corpus = corpus, PublicUrl = site };
        await PublishRun.RunAsync(request);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "private/notes.txt", ContentBody = "not for the public" });
        string[] paths = ["api/tiny-a/0/2.json", "tiny-a/0/2.html", "corpus/manifest.json"];
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(new Uri(site, path)));
        }

        var (_, steps) = await PublishRun.RunAsync(request with { ApplyPublicRead = true });

        Assert.Null(Assert.Single(steps.OfType<PublicReadApplied>()).Distribution);
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

        await PublishRun.RunAsync(Request(bucket) with { Prefix = "site", ApplyPublicRead = true });
        await PublishRun.RunAsync(Request(bucket) with { Prefix = "site", ApplyPublicRead = true });

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

        var e = await Assert.ThrowsAsync<PublishException>(() => PublishRun.RunAsync(Request(bucket) with { Prefix = "site", ApplyPublicRead = true }));

        Assert.Contains($"s3://{bucket}: Block Public Access has BlockPublicPolicy and RestrictPublicBuckets on", e.Message, StringComparison.Ordinal);
        Assert.Contains("BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false", e.Message, StringComparison.Ordinal);
        Assert.Null(await store.Access.GetPolicyAsync(CancellationToken.None));
        Assert.Empty(await PublishEndToEndTests.ListAsync(client, bucket)); // refused before anything was uploaded
    }

    [S3Fact]
    public async Task CloudFront_read_replaces_the_public_grant_and_stays_allowed_by_block_public_access()
    {
        var (store, client, bucket) = await _moto.NewBucketAsync();
        await _site.BuildAsync();
        await PublishRun.RunAsync(Request(bucket) with { Prefix = "site", ApplyPublicRead = true });
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(new Uri(_moto.Endpoint, $"{bucket}/site/api/tiny-a/0/2.json")));
        await client.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true },
        });
        const string Distribution = "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE";

        var (_, steps) = await PublishRun.RunAsync(Request(bucket) with { Prefix = "site", ApplyPublicRead = true, CloudFrontDistribution = Distribution });

        Assert.Equal(Distribution, Assert.Single(steps.OfType<PublicReadApplied>()).Distribution);
        var statement = Assert.Single(JsonNode.Parse((await store.Access.GetPolicyAsync(CancellationToken.None))!)!["Statement"]!.AsArray());
        Assert.Equal(Distribution, (string?)statement!["Condition"]!["StringEquals"]!["AWS:SourceArn"]);
    }

    [S3Fact]
    public async Task Apply_website_resolves_folders_to_index_html_and_missing_keys_to_the_sites_404()
    {
        var (_, client, bucket) = await _moto.NewBucketAsync();
        await _site.BuildAsync();

        var (_, steps) = await PublishRun.RunAsync(Request(bucket) with { Prefix = "site", ApplyWebsite = true });

        Assert.Equal(new WebsiteApplied("site/404.html", null), Assert.Single(steps.OfType<WebsiteApplied>()));
        var website = await client.GetBucketWebsiteAsync(bucket);
        Assert.Equal("index.html", website.WebsiteConfiguration.IndexDocumentSuffix);
        Assert.Equal("site/404.html", website.WebsiteConfiguration.ErrorDocument);
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

    private PublishRequest Request(string bucket) => PublishRun.Request(_moto, _site.Output, bucket);
}
