namespace NeuroNav.Publish;

/// <summary>One model's layer range, published by one job of a partitioned rebuild.</summary>
public sealed record SitePartition(string Model, int FirstLayer, int LastLayer)
{
    public override string ToString() => $"{Model} layers {FirstLayer}-{LastLayer}";
}

/// <summary>What to publish, where, and how: everything <c>neuronav publish</c> is told, already parsed.</summary>
/// <param name="Directory">The built site (the folder holding <c>manifest.json</c>).</param>
/// <param name="Bucket">The bucket to publish to.</param>
public sealed record PublishRequest(string Directory, string Bucket)
{
    /// <summary>The key prefix (a folder of the bucket), kept normalized: empty, or ending in '/'.</summary>
    /// <exception cref="PublishException">The prefix holds a character a key prefix may not.</exception>
    public string Prefix { get; init => field = PublishTree.NormalizePrefix(value); } = "";

    /// <summary>An S3-compatible endpoint; null for the environment's, else AWS.</summary>
    public string? Endpoint { get; init; }

    public string? Region { get; init; }

    public PublishOptions Options { get; init; } = new();

    /// <summary>Plan and report, change nothing.</summary>
    public bool DryRun { get; init; }

    public bool ApplyCors { get; init; }

    public bool ApplyPublicRead { get; init; }

    /// <summary>With <see cref="ApplyPublicRead"/>: the CloudFront distribution the read is granted to, instead of anyone.</summary>
    public string? CloudFrontDistribution { get; init; }

    public bool ApplyWebsite { get; init; }

    /// <summary>Publish only this partition's files (a matrix job); null for the whole site or <see cref="Indexes"/>.</summary>
    public SitePartition? Partition { get; init; }

    /// <summary>Publish what lies outside the partitions, with the site manifest merged from the partition manifests.</summary>
    public bool Indexes { get; init; }

    /// <summary>With <see cref="Indexes"/>: write <c>corpus/manifest.json</c> from the corpus partition manifests.</summary>
    public bool MergeCorpus { get; init; }

    /// <summary>A Parquet corpus to publish under <c>corpus/</c>, or null.</summary>
    public string? Corpus { get; init; }

    /// <summary>The site's public URL (ending in '/'), for absolute URLs in <c>corpus/manifest.json</c>.</summary>
    public Uri? PublicUrl { get; init; }
}
