using System.IO.Compression;
using Amazon.S3.Model;
using NeuroNav.Build.Indexes;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Publish.Tests.Fixtures;

namespace NeuroNav.Publish.Tests;

/// <summary>
/// A partition job with bounded disk (build a layer, publish it, drop it, next layer) and the indexes job that reads only
/// what the partition jobs published, against moto.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class PartitionJobTests : IDisposable
{
    private readonly MotoServer _moto;
    private readonly TinyBuild _site = new();

    public PartitionJobTests(MotoServer moto)
    {
        _moto = moto;
        PublishRun.UseMotoCredentials();
    }

    [S3Fact]
    public async Task A_partition_job_holds_one_layer_at_a_time_publishes_each_and_a_rerun_publishes_nothing()
    {
        var (store, client, bucket) = await _moto.NewBucketAsync();
        var corpus = await _site.WriteCorpusAsync(("tiny-a", 0), ("tiny-a", 1));
        var job = Job("tiny-a", 0, 1) with { Corpus = corpus.Root, Target = new PartitionTarget(store, "site", new PublishOptions()) };
        var watch = new LayerFolderWatch(job);

        var first = await PartitionFlow.RunAsync(job, Build(job), watch, CancellationToken.None);

        Assert.Equal(["built 0: tiny-a/0", "published 0: tiny-a/0", "dropped 0", "built 1: tiny-a/1", "published 1: tiny-a/1", "dropped 1"], watch.Seen);
        Assert.False(Directory.Exists(job.LayerDirectory));
        var whole = _site.Combine("whole");
        await _site.BuildAsync(whole);
        var expected = SiteManifest.ReadFile(Path.Combine(whole, SiteManifest.FileName)).Keys.Where(k => SiteTrees.LayerOf(k) is ("tiny-a", _)).Select(k => "site/" + k);
        var stored = await PublishEndToEndTests.ListAsync(client, bucket);
        Assert.Superset(expected.ToHashSet(), stored.Keys.ToHashSet());
        Assert.Contains("site/_partitions/tiny-a/0-0.json", stored.Keys);
        Assert.Contains("site/_partitions/tiny-a/1-1.json", stored.Keys);
        Assert.Contains("site/corpus/_partitions/tiny-a/1-1.json", stored.Keys);
        Assert.Equal(first.Built.Sum(b => b.Files) + 6, first.FilesUploaded); // and the 3 corpus parts of each layer

        var rerun = await PartitionFlow.RunAsync(job, Build(job), new LayerFolderWatch(job), CancellationToken.None);

        Assert.All(rerun.Published.SelectMany(p => p.Trees), t => Assert.Equal(new PublishReport(0, 0, false, 0), t.Report));
        Assert.Equal(stored, await PublishEndToEndTests.ListAsync(client, bucket));
    }

    [Fact]
    public async Task Without_a_bucket_each_layer_is_built_checked_and_dropped()
    {
        var job = Job("tiny-a", 0, 1);
        var watch = new LayerFolderWatch(job);

        var result = await PartitionFlow.RunAsync(job, Build(job), watch, CancellationToken.None);

        Assert.Equal(["built 0: tiny-a/0", "dropped 0", "built 1: tiny-a/1", "dropped 1"], watch.Seen);
        Assert.Empty(result.Published);
        Assert.Equal([14, 5], result.Built.Select(b => b.Files)); // per neuron its document, Neuroscope document and page; the layer index and page
        Assert.False(Directory.Exists(job.LayerDirectory));
    }

    [S3Fact]
    public async Task The_indexes_step_reads_only_published_files_and_writes_what_the_corpus_build_writes()
    {
        var (store, client, bucket) = await _moto.NewBucketAsync();
        var corpus = await _site.WriteCorpusAsync(("tiny-a", 0), ("tiny-a", 1), ("tiny-b", 0));
        foreach (var (model, last) in new[] { ("tiny-a", 1), ("tiny-b", 0) })
        {
            var job = Job(model, 0, last) with { Corpus = corpus.Root, Target = new PartitionTarget(store, "site", new PublishOptions()) };
            await PartitionFlow.RunAsync(job, Build(job), null, CancellationToken.None);
        }

        // One layer index stored precompressed, as the bucket may hold them: read back through its Content-Encoding.
        const string Gzipped = "site/api/tiny-a/0/index.json";
        var plain = (await store.GetAsync(Gzipped, CancellationToken.None))!;
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = Gzipped, InputStream = new MemoryStream(Gzip(plain)), Headers = { ContentEncoding = "gzip" } });
        var site = await PublishedSite.OpenAsync(store, "site", p => Published.LayerOf(p) is not null, CancellationToken.None);
        Assert.Equal(["api/tiny-a/0/index.json", "api/tiny-a/1/index.json", "api/tiny-b/0/index.json"], site.Paths);
        Assert.Equal(plain, await site.ReadAsync("api/tiny-a/0/index.json", CancellationToken.None));

        var fromBucket = _site.Combine("indexes");
        await _site.BuildIndexesAsync(new SiteLayerIndexes(site.Paths, site.ReadAsync, site.Key), fromBucket);
        var fromCorpus = _site.Combine("indexes-from-corpus");
        await _site.BuildIndexesFromCorpusAsync(fromCorpus);

        var expected = SiteManifest.ReadFile(Path.Combine(fromCorpus, SiteManifest.FileName));
        Assert.Contains("api/index.json", expected.Keys);
        Assert.Contains("api/tiny-a/index.json", expected.Keys);
        Assert.Contains("tiny-b/index.html", expected.Keys);
        Assert.Equal(expected, SiteManifest.ReadFile(Path.Combine(fromBucket, SiteManifest.FileName)));

        var (merge, _) = await PublishRun.RunAsync(PublishRun.Request(_moto, fromBucket, bucket) with { Prefix = "site", Indexes = true, MergeCorpus = true });
        var whole = _site.Combine("whole");
        await _site.BuildAsync(whole);
        Assert.Equal(SiteManifest.ReadFile(Path.Combine(whole, SiteManifest.FileName)), SiteManifest.Parse((await store.GetAsync("site/manifest.json", CancellationToken.None))!, "stored manifest"));
        Assert.Equal(9, merge.CorpusManifestFiles);
    }

    public void Dispose() => _site.Dispose();

    private PartitionJob Job(string model, int first, int last) => new(model, first, last, _site.Combine("work-" + Guid.NewGuid().ToString("N")));

    private Func<int, string, CancellationToken, Task> Build(PartitionJob job) => (layer, folder, ct) => _site.BuildLayerAsync(folder, job.Model, layer, ct);

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            zip.Write(bytes);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Looks at the layer folder at every step, as it happens: after a layer is built and after it is published the folder
    /// holds that layer's files only (and the manifest); after it is dropped, no folder.
    /// </summary>
    private sealed class LayerFolderWatch(PartitionJob job) : IProgress<PartitionStep>
    {
        public List<string> Seen { get; } = [];

        public void Report(PartitionStep value)
        {
            var folder = job.LayerDirectory;
            if (value is LayerDropped)
            {
                Seen.Add($"dropped {value.Layer}" + (Directory.Exists(folder) ? " (folder still there)" : ""));
                return;
            }

            var layers = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .Where(f => f != SiteManifest.FileName && !f.StartsWith(".neuronav", StringComparison.Ordinal))
                .Select(f => SiteTrees.LayerOf(f) is { } l ? $"{l.Model}/{l.Layer}" : "site-wide " + f)
                .Distinct()
                .Order(StringComparer.Ordinal);
            Seen.Add($"{(value is LayerBuilt ? "built" : "published")} {value.Layer}: {string.Join(", ", layers)}");
        }
    }
}
