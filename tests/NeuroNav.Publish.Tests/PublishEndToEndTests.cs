using Amazon.S3;
using Amazon.S3.Model;
using NeuroNav.Core;
using NeuroNav.Publish.Tests.Fixtures;

namespace NeuroNav.Publish.Tests;

/// <summary>Publishing real builds to moto's S3 server on loopback, rebuild after rebuild.</summary>
[Collection(MotoCollection.Name)]
public sealed class PublishEndToEndTests(MotoServer moto) : IDisposable
{
    private const string Prefix = "site/";
    private readonly TinyBuild _site = new();

    [S3Fact]
    public async Task First_publish_uploads_everything_and_an_unchanged_rebuild_uploads_nothing()
    {
        var (store, client, bucket) = await moto.NewBucketAsync();
        await _site.BuildAsync();
        var first = await PublishAsync(store);
        var manifest = SiteManifest.ReadFile(Path.Combine(_site.Output, SiteManifest.FileName));

        Assert.Equal("listing", first.Plan.ComparedWith);
        Assert.All(first.Plan.Uploads, u => Assert.Equal(UploadReason.MissingRemotely, u.Reason));
        Assert.Equal(manifest.Keys.Order(StringComparer.Ordinal), first.Plan.Uploads.Select(u => u.Path));
        var stored = await ListAsync(client, bucket);
        Assert.Equal(manifest.Keys.Append(SiteManifest.FileName).Select(k => Prefix + k).Order(StringComparer.Ordinal), stored.Keys);

        var rebuild = await _site.BuildAsync();
        var second = await PublishAsync(store);

        Assert.Equal(0, rebuild.FilesWritten);
        Assert.Equal("manifest", second.Plan.ComparedWith);
        Assert.Empty(second.Plan.Uploads);
        Assert.False(second.Plan.UploadManifest);
        Assert.Empty(second.Plan.Deletes);
        Assert.Equal(stored, await ListAsync(client, bucket));
    }

    [S3Fact]
    public async Task One_changed_neuron_uploads_only_its_files_the_indexes_and_the_manifest()
    {
        var (store, client, bucket) = await moto.NewBucketAsync();
        await _site.BuildAsync();
        await PublishAsync(store);
        var before = await ListAsync(client, bucket);

        _site.Corpus.Add(TinyBuild.Neuron("tiny-a", 0, 2, 9.25f));
        await _site.BuildAsync();
        var (plan, report) = await PublishAsync(store);

        var neuronFiles = TinyBuild.NeuronFiles("tiny-a", 0, 2);
        var others = plan.Uploads.Select(u => u.Path).Except(neuronFiles).ToList();
        Assert.All(neuronFiles, f => Assert.Contains(plan.Uploads, u => u.Path == f && u.Reason == UploadReason.Changed));
        Assert.NotEmpty(others);
        Assert.All(others, p => Assert.StartsWith("index.", p[(p.LastIndexOf('/') + 1)..], StringComparison.Ordinal));
        Assert.True(plan.UploadManifest);
        Assert.Empty(plan.Deletes);
        Assert.Equal(plan.Uploads.Count, report.FilesUploaded);

        var after = await ListAsync(client, bucket);
        var moved = after.Where(o => before[o.Key] != o.Value).Select(o => o.Key[Prefix.Length..]).Order(StringComparer.Ordinal);
        Assert.Equal(plan.Uploads.Select(u => u.Path).Append(SiteManifest.FileName).Order(StringComparer.Ordinal), moved);
    }

    [S3Fact]
    public async Task Files_that_disappear_from_the_build_are_deleted_from_the_bucket()
    {
        var (store, client, bucket) = await moto.NewBucketAsync();
        await _site.BuildAsync();
        await PublishAsync(store);

        _site.Corpus.Remove(new Core.NeuronId("tiny-a", 0, 5));
        await _site.BuildAsync();
        var (plan, report) = await PublishAsync(store);

        Assert.Equal(TinyBuild.NeuronFiles("tiny-a", 0, 5).Order(StringComparer.Ordinal), plan.Deletes);
        Assert.Equal(3, report.ObjectsDeleted);
        var stored = await ListAsync(client, bucket);
        Assert.All(TinyBuild.NeuronFiles("tiny-a", 0, 5), f => Assert.DoesNotContain(Prefix + f, stored.Keys));
        Assert.Contains(Prefix + "api/tiny-a/0/2.json", stored.Keys);
    }

    [S3Fact]
    public async Task More_deletions_than_max_deletes_are_refused_before_anything_changes()
    {
        var (store, client, bucket) = await moto.NewBucketAsync();
        await _site.BuildAsync();
        await PublishAsync(store);
        var before = await ListAsync(client, bucket);

        _site.Corpus.Remove(new Core.NeuronId("tiny-a", 0, 5)).Remove(new Core.NeuronId("tiny-a", 0, 1));
        await _site.BuildAsync();
        var tree = SiteTrees.Whole(_site.Output, Prefix);
        var publisher = new Publisher(store, new PublishOptions(MaxDeletes: 5));
        var plan = await publisher.PlanAsync(tree, CancellationToken.None);
        var e = await Assert.ThrowsAsync<PublishException>(() => publisher.ExecuteAsync(tree, plan, null, CancellationToken.None));

        Assert.Contains("refusing to delete 6 objects", e.Message, StringComparison.Ordinal);
        Assert.Contains("--max-deletes 5", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await ListAsync(client, bucket));
    }

    [S3Fact]
    public async Task Stored_objects_carry_content_type_cache_control_and_content_encoding()
    {
        var (store, client, bucket) = await moto.NewBucketAsync();
        await _site.BuildAsync(precompress: true);
        await PublishAsync(store);

        async Task Expect(string path, string type, string cache, string? encoding = null)
        {
            var head = await client.GetObjectMetadataAsync(bucket, Prefix + path);
            Assert.Equal(type, head.Headers.ContentType);
            Assert.Equal(cache, head.Headers.CacheControl);
            Assert.Equal(encoding, string.IsNullOrEmpty(head.Headers.ContentEncoding) ? null : head.Headers.ContentEncoding);
        }

        await Expect("api/tiny-a/0/2.json", "application/json; charset=utf-8", ObjectHeadersTable.Document, "gzip");
        await Expect("api/tiny-a/neuroscope/0/2.json", "application/json; charset=utf-8", ObjectHeadersTable.Document, "gzip");
        await Expect("tiny-a/0/2.html", "text/html; charset=utf-8", ObjectHeadersTable.Document, "gzip");
        await Expect("api/tiny-a/0/index.json", "application/json; charset=utf-8", ObjectHeadersTable.Index);
        await Expect("index.html", "text/html; charset=utf-8", ObjectHeadersTable.Index);
        await Expect("assets/site.css", "text/css; charset=utf-8", ObjectHeadersTable.Index);
        await Expect(SiteManifest.FileName, "application/json; charset=utf-8", ObjectHeadersTable.Manifest);
    }

    [S3Fact]
    public async Task Apply_cors_lets_any_origin_get_and_head()
    {
        var (store, client, bucket) = await moto.NewBucketAsync();
        await store.ApplyCorsAsync(CancellationToken.None);

        var rule = Assert.Single((await client.GetCORSConfigurationAsync(bucket)).Configuration.Rules);
        Assert.Equal(["*"], rule.AllowedOrigins);
        Assert.Equal(["GET", "HEAD"], rule.AllowedMethods.Order(StringComparer.Ordinal));
    }

    public void Dispose() => _site.Dispose();

    internal static async Task<SortedDictionary<string, string>> ListAsync(IAmazonS3 client, string bucket)
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response response;
        do
        {
            response = await client.ListObjectsV2Async(request);
            foreach (var o in response.S3Objects ?? [])
            {
                all[o.Key] = $"{o.ETag} {o.Size} {o.LastModified:O}";
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return all;
    }

    private async Task<(PublishPlan Plan, PublishReport Report)> PublishAsync(IObjectStore store)
    {
        var tree = SiteTrees.Whole(_site.Output, Prefix);
        var publisher = new Publisher(store, new PublishOptions(Parallelism: 4));
        var plan = await publisher.PlanAsync(tree, CancellationToken.None);
        return (plan, await publisher.ExecuteAsync(tree, plan, null, CancellationToken.None));
    }
}
