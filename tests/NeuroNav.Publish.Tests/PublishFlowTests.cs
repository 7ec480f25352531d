using System.Text.Json;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Publish.Tests.Fixtures;

namespace NeuroNav.Publish.Tests;

/// <summary>The publish flow <c>neuronav publish</c> runs, against moto: dry runs, the corpus, partitioned rebuilds.</summary>
[Collection(MotoCollection.Name)]
public sealed class PublishFlowTests : IDisposable
{
    private readonly MotoServer _moto;
    private readonly TinyBuild _site = new();

    public PublishFlowTests(MotoServer moto)
    {
        _moto = moto;
        PublishRun.UseMotoCredentials();
    }

    [S3Fact]
    public async Task Dry_run_prints_the_plan_and_changes_nothing()
    {
        var (_, client, bucket) = await _moto.NewBucketAsync();
        await _site.BuildAsync();
        await PublishRun.RunAsync(Request(bucket) with { Prefix = "site" });
        var before = await PublishEndToEndTests.ListAsync(client, bucket);

        _site.Corpus.Add(TinyBuild.Neuron("tiny-b", 0, 1, 7.5f)).Remove(new NeuronId("tiny-a", 0, 0));
        await _site.BuildAsync();
        var (result, steps) = await PublishRun.RunAsync(Request(bucket) with { Prefix = "site", DryRun = true });

        Assert.True(result.DryRun);
        var site = Assert.Single(result.Trees);
        Assert.Null(site.Report);
        Assert.Contains(site.Plan.Uploads, u => u.Path == "api/tiny-b/0/1.json" && u.Reason == UploadReason.Changed);
        Assert.Contains("api/tiny-a/0/0.json", site.Plan.Deletes);
        Assert.Equal(site.Plan, Assert.IsType<TreePlanned>(Assert.Single(steps)).Plan);
        Assert.Equal(before, await PublishEndToEndTests.ListAsync(client, bucket));
    }

    [S3Fact]
    public async Task Publish_refuses_deletions_above_max_deletes_after_showing_the_plan_and_before_changing_anything()
    {
        var (_, client, bucket) = await _moto.NewBucketAsync();
        await _site.BuildAsync();
        await PublishRun.RunAsync(Request(bucket));
        var before = await PublishEndToEndTests.ListAsync(client, bucket);

        _site.Corpus.Remove(new NeuronId("tiny-b", 0, 0));
        await _site.BuildAsync();
        var steps = new List<PublishStep>();
        var request = Request(bucket) with { Options = new PublishOptions(MaxDeletes: 2), ApplyCors = true };
        var e = await Assert.ThrowsAsync<PublishException>(() => PublishFlow.RunAsync(request, new Progress(steps), CancellationToken.None));

        Assert.Contains("refusing to delete 3 objects", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, Assert.IsType<TreePlanned>(Assert.Single(steps)).Plan.Deletes.Count);
        Assert.Equal(before, await PublishEndToEndTests.ListAsync(client, bucket));
    }

    [S3Fact]
    public async Task Corpus_is_published_with_a_manifest_of_urls_bytes_rows_and_sha256()
    {
        var (store, _, bucket) = await _moto.NewBucketAsync();
        await _site.BuildAsync();
        var corpus = new CorpusStore(_site.Combine("corpus"));
        var neurons = new[] { TinyBuild.Neuron("tiny-a", 0, 1, 2f), TinyBuild.Neuron("tiny-a", 0, 2, 3f) };
        var coverage = neurons.Select(n => new CoverageRow("tiny-a", 0, n.Id.Neuron, "neuroscope", CoverageStatus.Present, null, n.Provenance.Url, 200, n.Provenance.FetchedAt)).ToList();
        await corpus.WriteBatchAsync("tiny-a", 0, neurons, coverage, CancellationToken.None);

        var request = Request(bucket) with { Prefix = "nn", Corpus = corpus.Root, PublicUrl = new Uri("https://example.org/nn/") };
        var (first, _) = await PublishRun.RunAsync(request);
        Assert.Equal(["corpus", "site"], first.Trees.Select(t => t.Name));

        using var doc = JsonDocument.Parse(await store.GetAsync("nn/corpus/manifest.json", CancellationToken.None) ?? throw new Xunit.Sdk.XunitException("no corpus manifest"));
        Assert.Equal("corpus-manifest", doc.RootElement.GetProperty("schema").GetString());
        var files = doc.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["coverage", "neuroscope_neurons", "neuroscope_texts"], files.Select(f => f.GetProperty("table").GetString()));
        var texts = files.Single(f => f.GetProperty("table").GetString() == "neuroscope_texts");
        var path = texts.GetProperty("path").GetString()!;
        var local = await File.ReadAllBytesAsync(Path.Combine(corpus.Root, path));
        Assert.Equal(4, texts.GetProperty("rows").GetInt64());
        Assert.Equal(local.Length, texts.GetProperty("bytes").GetInt64());
        Assert.Equal(Hashing.Sha256Hex(local), texts.GetProperty("sha256").GetString());
        Assert.Equal(1, texts.GetProperty("schema_version").GetInt32());
        Assert.Equal("https://example.org/nn/corpus/" + path, texts.GetProperty("url").GetString());
        Assert.Equal(local, await store.GetAsync("nn/corpus/" + path, CancellationToken.None));
        Assert.NotNull(await store.GetAsync("nn/manifest.json", CancellationToken.None));

        var (again, steps) = await PublishRun.RunAsync(request);
        Assert.All(again.Trees, t => Assert.Equal(new PublishReport(0, 0, false, 0), t.Report));
        Assert.Equal(["corpus", "site"], steps.OfType<TreePublished>().Select(p => p.Name));
    }

    [S3Fact]
    public async Task Partition_jobs_then_the_indexes_job_store_the_whole_site_and_one_manifest()
    {
        var (store, client, bucket) = await _moto.NewBucketAsync();
        var corpus = await _site.WriteCorpusAsync(("tiny-a", 0), ("tiny-a", 1), ("tiny-b", 0));
        var whole = _site.Combine("whole");
        await _site.BuildAsync(whole);
        foreach (var (model, layers) in new[] { ("tiny-a", "0-0"), ("tiny-a", "1-1"), ("tiny-b", "0-0") })
        {
            var output = _site.Combine($"{model}-{layers}");
            var range = layers.Split('-').Select(int.Parse).ToArray();
            await _site.BuildAsync(output, [model], range[0], range[1]);
            var (result, _) = await PublishRun.RunAsync(PublishRun.Request(_moto, output, bucket) with { Partition = new SitePartition(model, range[0], range[1]), Corpus = corpus.Root });
            Assert.Equal(["corpus", $"partition {model} layers {range[0]}-{range[1]}"], result.Trees.Select(t => t.Name));
        }

        var indexes = _site.Combine("indexes");
        await _site.BuildAsync(indexes, [], int.MaxValue, int.MaxValue);
        var (merge, _) = await PublishRun.RunAsync(PublishRun.Request(_moto, indexes, bucket) with { Indexes = true, MergeCorpus = true });
        Assert.Equal(9, merge.CorpusManifestFiles);

        var stored = await PublishEndToEndTests.ListAsync(client, bucket);
        var expected = SiteManifest.ReadFile(Path.Combine(whole, SiteManifest.FileName));
        Assert.Equal(expected, SiteManifest.Parse((await store.GetAsync("manifest.json", CancellationToken.None))!, "stored manifest"));
        string[] partitions = ["_partitions/tiny-a/0-0.json", "_partitions/tiny-a/1-1.json", "_partitions/tiny-b/0-0.json"];
        Assert.Equal(expected.Keys.Append("manifest.json").Concat(partitions).Order(StringComparer.Ordinal), stored.Keys.Where(k => !k.StartsWith("corpus/", StringComparison.Ordinal)));

        var wholeCorpus = await CorpusTree.ReadAsync(corpus.Root, "", null, CancellationToken.None);
        var merged = CorpusTree.Parse((await store.GetAsync("corpus/manifest.json", CancellationToken.None))!, "corpus manifest");
        Assert.Equal(wholeCorpus.Files, merged);
        Assert.Equal(9, merged.Count);
        Assert.Equal(
            merged.Keys.Select(k => "corpus/" + k).Append("corpus/manifest.json").Concat(partitions.Select(p => "corpus/" + p)).Order(StringComparer.Ordinal),
            stored.Keys.Where(k => k.StartsWith("corpus/", StringComparison.Ordinal)));
    }

    public void Dispose() => _site.Dispose();

    private PublishRequest Request(string bucket) => PublishRun.Request(_moto, _site.Output, bucket);

    private sealed class Progress(List<PublishStep> steps) : IProgress<PublishStep>
    {
        public void Report(PublishStep value) => steps.Add(value);
    }
}
