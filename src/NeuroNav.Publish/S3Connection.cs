using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace NeuroNav.Publish;

/// <summary>
/// Where and as whom to publish. Unset values come from the standard AWS environment variables: <c>AWS_ENDPOINT_URL_S3</c>
/// (then <c>AWS_ENDPOINT_URL</c>), <c>AWS_REGION</c> (then <c>AWS_DEFAULT_REGION</c>, then us-east-1),
/// <c>AWS_ACCESS_KEY_ID</c> / <c>AWS_SECRET_ACCESS_KEY</c> / <c>AWS_SESSION_TOKEN</c>, else the SDK's default credential chain.
/// A custom endpoint (MinIO, R2, moto, ...) is addressed path-style: <c>{endpoint}/{bucket}/{key}</c>.
/// </summary>
public sealed record S3Connection(string Bucket, Uri? Endpoint = null, string? Region = null, string? AccessKeyId = null, string? SecretAccessKey = null)
{
    public static S3Connection FromEnvironment(string bucket, string? endpoint, string? region)
    {
        var url = Nonempty(endpoint) ?? Env("AWS_ENDPOINT_URL_S3") ?? Env("AWS_ENDPOINT_URL");
        Uri? uri = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new PublishException($"endpoint '{url}' is not an http(s) URL");
        }

        return new S3Connection(bucket, uri, Nonempty(region) ?? Env("AWS_REGION") ?? Env("AWS_DEFAULT_REGION"), Env("AWS_ACCESS_KEY_ID"), Env("AWS_SECRET_ACCESS_KEY"));
    }

    public string RegionOrDefault => Region ?? "us-east-1";

    public IAmazonS3 CreateClient()
    {
        var config = new AmazonS3Config
        {
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromMinutes(2),
            // Stores other than AWS differ in their support of the newer flexible checksums; ask for them only when required.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (Endpoint is not null)
        {
            config.ServiceURL = Endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = RegionOrDefault;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(RegionOrDefault);
        }

        if (AccessKeyId is not null && SecretAccessKey is not null)
        {
            var token = Env("AWS_SESSION_TOKEN");
            AWSCredentials credentials = token is null
                ? new BasicAWSCredentials(AccessKeyId, SecretAccessKey)
                : new SessionAWSCredentials(AccessKeyId, SecretAccessKey, token);
            return new AmazonS3Client(credentials, config);
        }

        return new AmazonS3Client(config);
    }

    private static string? Env(string name) => Nonempty(Environment.GetEnvironmentVariable(name));

    private static string? Nonempty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
