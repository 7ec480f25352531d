namespace NeuroNav.Publish;

/// <summary>
/// The whole of <c>neuronav publish</c>: reads the trees to publish, plans each against the store, refuses too many
/// deletions before changing anything, applies the bucket settings asked for, then publishes each tree (files, then
/// its manifest, then deletions) and merges the corpus manifest last.
/// </summary>
public static class PublishFlow
{
    /// <summary>Runs <paramref name="request"/> against the S3-compatible store it names, reporting each step to <paramref name="progress"/>.</summary>
    /// <exception cref="PublishException">More deletions than allowed, a bucket setting the store refuses, or a store error after every retry.</exception>
    public static async Task<PublishResult> RunAsync(PublishRequest request, IProgress<PublishStep>? progress, CancellationToken ct)
    {
        var connection = S3Connection.FromEnvironment(request.Bucket, request.Endpoint, request.Region);
        using var store = new S3ObjectStore(connection.CreateClient(), connection.Bucket);
        var where = $"s3://{connection.Bucket}/{request.Prefix}" + (connection.Endpoint is null ? "" : $" at {connection.Endpoint}");
        return await RunAsync(request, store, store.Access, where, progress, ct).ConfigureAwait(false);
    }

    private static async Task<PublishResult> RunAsync(
        PublishRequest request, IObjectStore store, BucketAccess access, string where, IProgress<PublishStep>? progress, CancellationToken ct)
    {
        var publisher = new Publisher(store, request.Options);
        var planned = new List<(string Name, PublishTree Tree, PublishPlan Plan)>();
        foreach (var (name, tree) in await TreesAsync(request, store, ct).ConfigureAwait(false))
        {
            var plan = await publisher.PlanAsync(tree, ct).ConfigureAwait(false);
            progress?.Report(new TreePlanned(name, where, plan));
            planned.Add((name, tree, plan));
        }

        foreach (var (_, _, plan) in planned)
        {
            Publisher.CheckDeletes(plan, request.Options.MaxDeletes);
        }

        if (request.DryRun)
        {
            return new PublishResult([.. planned.Select(p => new PublishedTree(p.Name, p.Plan, null))], DryRun: true, null);
        }

        await ApplyBucketSettingsAsync(request, store, access, where, progress, ct).ConfigureAwait(false);
        var published = new List<PublishedTree>();
        foreach (var (name, tree, plan) in planned)
        {
            var report = await publisher.ExecuteAsync(tree, plan, null, ct).ConfigureAwait(false);
            progress?.Report(new TreePublished(name, report));
            published.Add(new PublishedTree(name, plan, report));
        }

        int? merged = null;
        if (request.Indexes && request.MergeCorpus)
        {
            merged = await CorpusTree.MergePartitionsAsync(store, request.Prefix, dryRun: false, ct).ConfigureAwait(false);
            progress?.Report(new CorpusManifestMerged(merged.Value));
        }

        return new PublishResult(published, DryRun: false, merged);
    }

    /// <summary>The corpus first when asked for, then the site, one partition of it, or its indexes.</summary>
    private static async Task<List<(string Name, PublishTree Tree)>> TreesAsync(PublishRequest request, IObjectStore store, CancellationToken ct)
    {
        var (dir, prefix, partition) = (request.Directory, request.Prefix, request.Partition);
        var trees = new List<(string Name, PublishTree Tree)>();
        if (request.Corpus is not null)
        {
            var range = partition is null ? ((string, int, int)?)null : (partition.Model, partition.FirstLayer, partition.LastLayer);
            trees.Add(("corpus", await CorpusTree.ReadAsync(request.Corpus, prefix, request.PublicUrl, ct, range).ConfigureAwait(false)));
        }

        trees.Add(partition is not null
            ? ($"partition {partition}", SiteTrees.Partition(dir, prefix, partition.Model, partition.FirstLayer, partition.LastLayer))
            : request.Indexes
                ? ("site indexes", SiteTrees.Indexes(dir, prefix, await PartitionManifests.ReadAsync(store, prefix, ct).ConfigureAwait(false)))
                : ("site", SiteTrees.Whole(dir, prefix)));
        return trees;
    }

    private static async Task ApplyBucketSettingsAsync(
        PublishRequest request, IObjectStore store, BucketAccess access, string where, IProgress<PublishStep>? progress, CancellationToken ct)
    {
        if (request.ApplyCors)
        {
            await store.ApplyCorsAsync(ct).ConfigureAwait(false);
            progress?.Report(new CorsApplied());
        }

        if (request.ApplyPublicRead)
        {
            await access.ApplyReadPolicyAsync(request.Prefix, request.CloudFrontDistribution, ct).ConfigureAwait(false);
            progress?.Report(new PublicReadApplied(request.CloudFrontDistribution, where));
        }

        if (request.ApplyWebsite)
        {
            await access.ApplyWebsiteAsync(request.Prefix, ct).ConfigureAwait(false);
            var missing = File.Exists(Path.Combine(request.Directory, BucketAccess.ErrorDocument)) ? null : Path.GetFullPath(request.Directory);
            progress?.Report(new WebsiteApplied(request.Prefix + BucketAccess.ErrorDocument, missing));
        }
    }
}
