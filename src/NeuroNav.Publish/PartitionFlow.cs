using System.Globalization;

namespace NeuroNav.Publish;

/// <summary>Where a partition job publishes each layer: the store, the key prefix, how, and the site's public URL (for the corpus manifest).</summary>
public sealed record PartitionTarget(IObjectStore Store, string Prefix, PublishOptions Options, Uri? PublicUrl = null)
{
    /// <summary>The key prefix, normalized (empty, or ending in '/').</summary>
    public string Prefix { get; init; } = PublishTree.NormalizePrefix(Prefix);
}

/// <summary>
/// One job of a partitioned rebuild: one model's layer range, worked through one layer at a time in
/// <c>{WorkDirectory}/layer</c>, so the job's disk holds at most one layer's output beside its corpus.
/// </summary>
/// <param name="Corpus">The partition's corpus, published layer by layer under <c>corpus/</c>; null publishes no corpus.</param>
/// <param name="Target">Where to publish; null builds and drops each layer without publishing (a fork without the bucket's secrets).</param>
public sealed record PartitionJob(string Model, int FirstLayer, int LastLayer, string WorkDirectory, string? Corpus = null, PartitionTarget? Target = null)
{
    /// <summary>The folder each layer is built into, published from and dropped.</summary>
    public string LayerDirectory => Path.Combine(Path.GetFullPath(WorkDirectory), "layer");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Model} layers {FirstLayer}-{LastLayer}");
}

/// <summary>What a partition job reports as it goes, layer by layer, in order.</summary>
public abstract record PartitionStep(int Layer);

/// <summary>The layer was built: <paramref name="Files"/> files and <paramref name="Bytes"/> bytes (its manifest's totals) in the layer folder.</summary>
public sealed record LayerBuilt(int Layer, int Files, long Bytes) : PartitionStep(Layer);

/// <summary>The layer's files (and its corpus parts, when the job has a corpus) were published: each tree's plan and what it did.</summary>
public sealed record LayerPublished(int Layer, IReadOnlyList<PublishedTree> Trees) : PartitionStep(Layer);

/// <summary>The layer's local output was deleted; the layer folder no longer exists.</summary>
public sealed record LayerDropped(int Layer, long Bytes) : PartitionStep(Layer);

/// <summary>What a partition job did: per layer, what was built and (when published) each tree.</summary>
public sealed record PartitionResult(IReadOnlyList<LayerBuilt> Built, IReadOnlyList<LayerPublished> Published)
{
    public long FilesUploaded => Published.Sum(p => p.Trees.Sum(t => t.Report?.FilesUploaded ?? 0));

    public long BytesUploaded => Published.Sum(p => p.Trees.Sum(t => t.Report?.BytesUploaded ?? 0));

    public long ObjectsDeleted => Published.Sum(p => p.Trees.Sum(t => t.Report?.ObjectsDeleted ?? 0));

    /// <summary>The largest layer output the job held at once.</summary>
    public long PeakLayerBytes => Built.Count == 0 ? 0 : Built.Max(b => b.Bytes);
}

/// <summary>
/// A partition job with bounded disk: for each layer of the range, build it alone into the layer folder, publish its diff
/// (its corpus parts, then its files, then its manifest <c>_partitions/&lt;model&gt;/&lt;layer&gt;-&lt;layer&gt;.json</c>, then
/// deletions), and delete the layer folder before the next layer. A rerun after a crash or cancellation rebuilds each layer
/// (builds are byte-identical) and publishes nothing for the layers already published.
/// </summary>
public static class PartitionFlow
{
    /// <param name="buildLayer">Builds one layer (its files only, with <c>manifest.json</c>) into the given empty folder.</param>
    /// <exception cref="PublishException">More deletions than allowed for a layer (nothing of that layer is changed), or a store error after every retry.</exception>
    public static async Task<PartitionResult> RunAsync(
        PartitionJob job, Func<int, string, CancellationToken, Task> buildLayer, IProgress<PartitionStep>? progress, CancellationToken ct)
    {
        var folder = job.LayerDirectory;
        Drop(folder); // what a crashed or cancelled run left
        var built = new List<LayerBuilt>();
        var published = new List<LayerPublished>();
        for (var layer = job.FirstLayer; layer <= job.LastLayer; layer++)
        {
            ct.ThrowIfCancellationRequested();
            Directory.CreateDirectory(folder);
            await buildLayer(layer, folder, ct).ConfigureAwait(false);
            var manifest = SiteManifest.ReadFile(Path.Combine(folder, SiteManifest.FileName));
            var step = new LayerBuilt(layer, manifest.Count, manifest.Values.Sum(e => e.Bytes));
            built.Add(step);
            progress?.Report(step);
            if (job.Target is { } target)
            {
                var done = new LayerPublished(layer, await PublishLayerAsync(job, target, layer, ct).ConfigureAwait(false));
                published.Add(done);
                progress?.Report(done);
            }

            Drop(folder);
            progress?.Report(new LayerDropped(layer, step.Bytes));
        }

        return new PartitionResult(built, published);
    }

    private static async Task<IReadOnlyList<PublishedTree>> PublishLayerAsync(PartitionJob job, PartitionTarget target, int layer, CancellationToken ct)
    {
        var trees = new List<(string Name, PublishTree Tree)>();
        if (job.Corpus is not null)
        {
            trees.Add(("corpus", await CorpusTree.ReadAsync(job.Corpus, target.Prefix, target.PublicUrl, ct, (job.Model, layer, layer)).ConfigureAwait(false)));
        }

        trees.Add((string.Create(CultureInfo.InvariantCulture, $"{job.Model} layer {layer}"), SiteTrees.Partition(job.LayerDirectory, target.Prefix, job.Model, layer, layer)));
        var publisher = new Publisher(target.Store, target.Options);
        var plans = new List<(string Name, PublishTree Tree, PublishPlan Plan)>();
        foreach (var (name, tree) in trees)
        {
            var plan = await publisher.PlanAsync(tree, ct).ConfigureAwait(false);
            Publisher.CheckDeletes(plan, target.Options.MaxDeletes);
            plans.Add((name, tree, plan));
        }

        var done = new List<PublishedTree>();
        foreach (var (name, tree, plan) in plans)
        {
            done.Add(new PublishedTree(name, plan, await publisher.ExecuteAsync(tree, plan, null, ct).ConfigureAwait(false)));
        }

        return done;
    }

    private static void Drop(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
