using System.ComponentModel;
using NeuroNav.Core;
using NeuroNav.Publish;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class PublishSettings : BucketSettings
{
    [CommandOption("-d|--dir <DIR>")]
    [Description("The built site (the folder holding manifest.json).")]
    [DefaultValue("output")]
    public string Directory { get; init; } = "output";

    [CommandOption("-n|--dry-run")]
    [Description("Print the plan and change nothing.")]
    public bool DryRun { get; init; }

    [CommandOption("--list")]
    [Description("Print every planned upload and deletion, not only the totals.")]
    public bool List { get; init; }

    [CommandOption("--max-deletes <N>")]
    [Description("Refuse to publish when more objects than this would be deleted.")]
    [DefaultValue(1000)]
    public int MaxDeletes { get; init; } = 1000;

    [CommandOption("-j|--parallelism <N>")]
    [Description("Uploads in flight at once.")]
    [DefaultValue(8)]
    public int Parallelism { get; init; } = 8;

    [CommandOption("--retries <N>")]
    [Description("Further attempts at a failed upload or delete.")]
    [DefaultValue(3)]
    public int Retries { get; init; } = 3;

    [CommandOption("--apply-cors")]
    [Description("Also set the bucket's CORS rules (GET and HEAD from any origin).")]
    public bool ApplyCors { get; init; }

    [CommandOption("--apply-public-read")]
    [Description("Also let anyone read the objects under the prefix (s3:GetObject only: no listing, no writes), merged into the bucket policy.")]
    public bool ApplyPublicRead { get; init; }

    [CommandOption("--cloudfront-distribution <ARN>")]
    [Description("With --apply-public-read or --print-policy: grant the read to this CloudFront distribution only (origin access control).")]
    public string? CloudFrontDistribution { get; init; }

    [CommandOption("--apply-website")]
    [Description("Also set website hosting: index.html for folder URLs, <prefix>/404.html for missing keys.")]
    public bool ApplyWebsite { get; init; }

    [CommandOption("--print-policy")]
    [Description("Print the bucket policy that --apply-public-read merges in, and change nothing.")]
    public bool PrintPolicy { get; init; }

    [CommandOption("--partition <MODEL:FIRST-LAST>")]
    [Description("Publish only one model's layer range (a rebuild matrix job); its manifest goes to _partitions/.")]
    public string? Partition { get; init; }

    [CommandOption("--indexes")]
    [Description("Publish everything outside the partitions and the site manifest merged from the partition manifests (the rebuild's final job).")]
    public bool Indexes { get; init; }

    [CommandOption("--merge-corpus")]
    [Description("With --indexes: write corpus/manifest.json from the corpus partition manifests.")]
    public bool MergeCorpus { get; init; }

    [CommandOption("--corpus <DIR>")]
    [Description("Also publish this Parquet corpus under corpus/, with corpus/manifest.json.")]
    public string? Corpus { get; init; }

    [CommandOption("--public-url <URL>")]
    [Description("The site's public URL, to write absolute URLs into corpus/manifest.json.")]
    public string? PublicUrl { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Bucket))
        {
            return ValidationResult.Error("--bucket is required");
        }

        if (MaxDeletes < 0 || Parallelism < 1 || Retries < 0)
        {
            return ValidationResult.Error("--max-deletes and --retries must be at least 0, --parallelism at least 1");
        }

        return Partition is not null && Indexes ? ValidationResult.Error("--partition and --indexes are separate jobs") : ValidationResult.Success();
    }

    /// <summary>The request these options describe; throws <see cref="ArgumentException"/> naming the option that does not parse.</summary>
    public PublishRequest ToRequest()
    {
        if (CloudFrontDistribution is not null && !ApplyPublicRead && !PrintPolicy)
        {
            throw new ArgumentException("--cloudfront-distribution goes with --apply-public-read or --print-policy");
        }

        if (CloudFrontDistribution is { } arn && !BucketPolicy.IsDistributionArn(arn))
        {
            throw new ArgumentException($"--cloudfront-distribution: '{arn}' is not a distribution ARN (arn:aws:cloudfront::<account>:distribution/<id>)");
        }

        Uri? publicUrl = PublicUrl is null ? null
            : Uri.TryCreate(PublicUrl.TrimEnd('/') + "/", UriKind.Absolute, out var u) ? u
            : throw new ArgumentException($"--public-url: '{PublicUrl}' is not an absolute URL");
        return new PublishRequest(Directory, Bucket!)
        {
            Prefix = Prefix ?? "",
            Endpoint = Endpoint,
            Region = Region,
            Options = new PublishOptions(MaxDeletes, Parallelism, Retries),
            DryRun = DryRun,
            ApplyCors = ApplyCors,
            ApplyPublicRead = ApplyPublicRead,
            CloudFrontDistribution = CloudFrontDistribution,
            ApplyWebsite = ApplyWebsite,
            Partition = ParsePartition(),
            Indexes = Indexes,
            MergeCorpus = MergeCorpus,
            Corpus = Corpus,
            PublicUrl = publicUrl,
        };
    }

    private SitePartition? ParsePartition()
    {
        if (Partition is null)
        {
            return null;
        }

        var colon = Partition.IndexOf(':', StringComparison.Ordinal);
        var ranges = colon > 0 ? IntRanges.Parse(Partition[(colon + 1)..], "--partition") : [];
        if (colon <= 0 || ranges.Count != 1 || !ModelId.IsValid(Partition[..colon]))
        {
            throw new ArgumentException($"--partition: '{Partition}' is not MODEL:FIRST-LAST, e.g. gpt2-xl:0-11");
        }

        return new SitePartition(Partition[..colon], ranges[0].Start, ranges[0].End - 1);
    }
}

[Description("Upload the built site (and optionally the corpus) to S3 or an S3-compatible store: only what changed, manifest last.")]
public sealed class PublishCommand(IAnsiConsole console) : AsyncCommand<PublishSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PublishSettings settings, CancellationToken cancellationToken)
    {
        var request = settings.ToRequest();
        if (settings.PrintPolicy)
        {
            console.WriteLine(BucketPolicy.Document(request.Bucket, request.Prefix, request.CloudFrontDistribution));
            return (int)ExitCode.Success;
        }

        if (!File.Exists(Path.Combine(settings.Directory, SiteManifest.FileName)))
        {
            console.MarkupLineInterpolated($"[red]No manifest.json in {Path.GetFullPath(settings.Directory)}[/]: run 'neuronav build' first.");
            return (int)ExitCode.BadArguments;
        }

        var result = await PublishFlow.RunAsync(request, new PublishStepPrinter(console, settings.List), cancellationToken);
        if (result.DryRun)
        {
            console.MarkupLine("Dry run: nothing uploaded or deleted.");
        }

        return (int)ExitCode.Success;
    }
}
