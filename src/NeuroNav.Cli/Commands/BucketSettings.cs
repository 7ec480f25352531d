using System.ComponentModel;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

/// <summary>Where a rebuild job reads and publishes: the bucket, its key prefix and the S3-compatible endpoint.</summary>
public abstract class BucketSettings : CommandSettings
{
    [CommandOption("-b|--bucket <BUCKET>")]
    [Description("The bucket the site is published to.")]
    public string? Bucket { get; init; }

    [CommandOption("-p|--prefix <PREFIX>")]
    [Description("Key prefix in the bucket (a folder), e.g. site/. Default: the bucket root.")]
    public string? Prefix { get; init; }

    [CommandOption("--endpoint <URL>")]
    [Description("S3-compatible endpoint (path-style). Default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, else AWS S3.")]
    public string? Endpoint { get; init; }

    [CommandOption("--region <REGION>")]
    [Description("Region. Default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1.")]
    public string? Region { get; init; }

    /// <summary>The store these options name, with credentials from the environment.</summary>
    public Publish.S3ObjectStore OpenStore()
    {
        var connection = Publish.S3Connection.FromEnvironment(Bucket!, Endpoint, Region);
        return new Publish.S3ObjectStore(connection.CreateClient(), connection.Bucket);
    }
}
