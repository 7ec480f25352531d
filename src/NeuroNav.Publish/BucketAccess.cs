using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace NeuroNav.Publish;

/// <summary>
/// Who may read the published prefix, and how a static host answers: the bucket policy of <see cref="BucketPolicy"/>
/// (merged, after checking Block Public Access) and the website configuration (folders to <c>index.html</c>, missing
/// keys to the site's <c>404.html</c>).
/// </summary>
public sealed class BucketAccess(IAmazonS3 client, string bucket)
{
    /// <summary>The page a folder URL resolves to on a website endpoint.</summary>
    public const string IndexDocument = "index.html";

    /// <summary>The site's page for a missing key, at the root of the published prefix.</summary>
    public const string ErrorDocument = "404.html";

    /// <summary>The bucket's policy, or null when it has none.</summary>
    public async Task<string?> GetPolicyAsync(CancellationToken ct)
    {
        try
        {
            var response = await client.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket }, ct).ConfigureAwait(false);
            // The SDK hands back a 404's error document as the policy instead of throwing NoSuchBucketPolicy.
            return response.HttpStatusCode == HttpStatusCode.NotFound || string.IsNullOrWhiteSpace(response.Policy) ? null : response.Policy;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucketPolicy")
        {
            return null;
        }
        catch (AmazonS3Exception e)
        {
            throw Failed("reading the bucket policy", e);
        }
    }

    /// <summary>
    /// Merges the read statement for <paramref name="prefix"/> into the bucket policy and returns the policy stored. A public
    /// grant (no distribution) is refused first when the bucket's Block Public Access settings would refuse or void it.
    /// </summary>
    /// <exception cref="PublishException">Block Public Access is on, the existing policy is malformed, or the store refused.</exception>
    public async Task<string> ApplyReadPolicyAsync(string prefix, string? cloudFrontDistributionArn, CancellationToken ct)
    {
        if (cloudFrontDistributionArn is null)
        {
            await CheckPublicAccessBlockAsync(ct).ConfigureAwait(false);
        }

        var policy = BucketPolicy.Merge(await GetPolicyAsync(ct).ConfigureAwait(false), bucket, prefix, cloudFrontDistributionArn);
        try
        {
            await client.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy }, ct).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Forbidden && cloudFrontDistributionArn is null)
        {
            throw new PublishException(
                $"s3://{bucket}: the public read policy was refused ({e.ErrorCode}: {e.Message}); the account's Block Public Access " +
                $"probably blocks public policies: {BlockPublicAccessFix}, and the same at account level (aws s3control put-public-access-block)",
                e);
        }
        catch (AmazonS3Exception e)
        {
            throw Failed("setting the bucket policy", e);
        }

        return policy;
    }

    /// <summary>Website hosting: a folder URL serves its <c>index.html</c>, a missing key the site's <c>{prefix}404.html</c>.</summary>
    public static WebsiteConfiguration Website(string prefix) => new() { IndexDocumentSuffix = IndexDocument, ErrorDocument = prefix + ErrorDocument };

    /// <summary>Sets <see cref="Website"/> as the bucket's website configuration (one per bucket: it replaces any other).</summary>
    public async Task ApplyWebsiteAsync(string prefix, CancellationToken ct)
    {
        try
        {
            await client.PutBucketWebsiteAsync(new PutBucketWebsiteRequest { BucketName = bucket, WebsiteConfiguration = Website(prefix) }, ct).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e)
        {
            throw Failed("setting the website configuration", e);
        }
    }

    /// <summary>The settings to change, and those to keep, for a public policy to be accepted and honoured.</summary>
    public string BlockPublicAccessFix =>
        $"turn off BlockPublicPolicy and RestrictPublicBuckets and keep BlockPublicAcls and IgnorePublicAcls on (aws s3api put-public-access-block --bucket {bucket} " +
        "--public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false)";

    private async Task CheckPublicAccessBlockAsync(CancellationToken ct)
    {
        PublicAccessBlockConfiguration? block;
        try
        {
            block = (await client.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = bucket }, ct).ConfigureAwait(false)).PublicAccessBlockConfiguration;
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.NotImplemented or HttpStatusCode.MethodNotAllowed or HttpStatusCode.Forbidden)
        {
            return; // none set, not ours to read, or a store without Block Public Access: the put itself says if it is refused
        }

        string[] on = [.. new[] { ("BlockPublicPolicy", block?.BlockPublicPolicy), ("RestrictPublicBuckets", block?.RestrictPublicBuckets) }
            .Where(s => s.Item2 == true).Select(s => s.Item1)];
        if (on.Length > 0)
        {
            throw new PublishException(
                $"s3://{bucket}: Block Public Access has {string.Join(" and ", on)} on, which refuses or voids a public read policy; {BlockPublicAccessFix}; " +
                "or keep the bucket private behind CloudFront with --cloudfront-distribution");
        }
    }

    private PublishException Failed(string what, AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotImplemented || e.ErrorCode == "NotImplemented"
            ? new PublishException($"s3://{bucket}: {what}: this store does not implement it ({e.ErrorCode}); make the bucket public in the store's own settings (Cloudflare R2: a public bucket or a custom domain)", e)
            : new PublishException($"s3://{bucket}: {what} failed ({e.ErrorCode}: {e.Message})", e);
}
