namespace NeuroNav.Publish;

/// <summary>What a publish reports as it goes, in order, so a caller can print each step when it happens.</summary>
public abstract record PublishStep;

/// <summary>A tree (the site, a partition, the indexes or the corpus) was compared with the store.</summary>
/// <param name="Name">"site", "corpus", "partition gpt2-xl layers 0-11" or "site indexes".</param>
/// <param name="Where">The bucket and prefix (and endpoint), e.g. <c>s3://neuronav/site/</c>.</param>
public sealed record TreePlanned(string Name, string Where, PublishPlan Plan) : PublishStep;

/// <summary>The bucket's CORS rules were set.</summary>
public sealed record CorsApplied : PublishStep;

/// <summary>The read statement was merged into the bucket policy.</summary>
/// <param name="Distribution">The CloudFront distribution granted the read, or null for anyone.</param>
public sealed record PublicReadApplied(string? Distribution, string Where) : PublishStep;

/// <summary>Website hosting was set; <paramref name="SiteWithoutErrorDocument"/> names the site's folder when it has no 404 page yet.</summary>
public sealed record WebsiteApplied(string ErrorDocumentKey, string? SiteWithoutErrorDocument) : PublishStep;

/// <summary>A tree was published.</summary>
public sealed record TreePublished(string Name, PublishReport Report) : PublishStep;

/// <summary><c>corpus/manifest.json</c> was merged from <paramref name="Files"/> files of the corpus partition manifests.</summary>
public sealed record CorpusManifestMerged(int Files) : PublishStep;

/// <summary>What a publish did: every tree's plan and, unless it was a dry run, its report.</summary>
public sealed record PublishResult(IReadOnlyList<PublishedTree> Trees, bool DryRun, int? CorpusManifestFiles);

/// <summary>One tree of a publish: its plan and what carrying it out did (null on a dry run).</summary>
public sealed record PublishedTree(string Name, PublishPlan Plan, PublishReport? Report);
