using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NeuroNav.Publish;

/// <summary>
/// The one bucket policy statement that makes a published prefix readable and nothing more: <c>s3:GetObject</c> on the
/// objects under the prefix, for everyone (<c>Principal "*"</c>) or, behind CloudFront with origin access control, for
/// one distribution only. No listing, no writes, nothing outside the prefix. It is merged into the bucket's policy by
/// its <see cref="StatementId"/>: other statements are kept, a previous NeuroNav statement is replaced.
/// </summary>
public static partial class BucketPolicy
{
    /// <summary>The statement's Sid. One per bucket, so switching from public to CloudFront replaces the public grant.</summary>
    public const string StatementId = "NeuroNavRead";

    public const string Action = "s3:GetObject";

    /// <summary>The version every policy document states (the only one that supports every condition key).</summary>
    public const string Version = "2012-10-17";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The ARN of the objects under <paramref name="prefix"/> (normalized: empty or ending in '/').</summary>
    public static string Resource(string bucket, string prefix) => $"arn:aws:s3:::{bucket}/{prefix}*";

    /// <summary>The statement: everyone may get the prefix's objects, or only <paramref name="cloudFrontDistributionArn"/> when given.</summary>
    /// <exception cref="PublishException">The distribution ARN is not one.</exception>
    public static JsonObject Statement(string bucket, string prefix, string? cloudFrontDistributionArn = null)
    {
        var statement = new JsonObject
        {
            ["Sid"] = StatementId,
            ["Effect"] = "Allow",
            ["Principal"] = cloudFrontDistributionArn is null ? "*" : new JsonObject { ["Service"] = "cloudfront.amazonaws.com" },
            ["Action"] = Action,
            ["Resource"] = Resource(bucket, prefix),
        };
        if (cloudFrontDistributionArn is not null)
        {
            if (!IsDistributionArn(cloudFrontDistributionArn))
            {
                throw new PublishException(
                    $"--cloudfront-distribution: '{cloudFrontDistributionArn}' is not a distribution ARN (arn:aws:cloudfront::<account>:distribution/<id>)");
            }

            statement["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["AWS:SourceArn"] = cloudFrontDistributionArn } };
        }

        return statement;
    }

    /// <summary>A whole policy holding only the statement, as <c>--print-policy</c> shows it.</summary>
    public static string Document(string bucket, string prefix, string? cloudFrontDistributionArn = null) =>
        Merge(null, bucket, prefix, cloudFrontDistributionArn);

    /// <summary>
    /// <paramref name="existing"/> (the bucket's policy, or null when it has none) with the statement put in place of any
    /// statement of the same Sid; every other statement, the Version and the Id are kept as they were.
    /// </summary>
    /// <exception cref="PublishException">The existing policy is not a policy document; it is never overwritten then.</exception>
    public static string Merge(string? existing, string bucket, string prefix, string? cloudFrontDistributionArn = null)
    {
        var ours = Statement(bucket, prefix, cloudFrontDistributionArn);
        var policy = string.IsNullOrWhiteSpace(existing) ? new JsonObject { ["Version"] = Version } : Parse(existing, bucket);
        var statements = new JsonArray();
        List<JsonNode?> existingStatements = policy["Statement"] switch
        {
            null => [],
            JsonArray list => [.. list],
            JsonObject single => new List<JsonNode?> { single },
            _ => throw Malformed(bucket, "\"Statement\" is neither an object nor a list"),
        };
        foreach (var s in existingStatements)
        {
            if (s is not JsonObject statement)
            {
                throw Malformed(bucket, "a statement is not an object");
            }

            if (statement["Sid"] is not JsonValue sid || sid.GetValueKind() != JsonValueKind.String || sid.GetValue<string>() != StatementId)
            {
                statements.Add(statement.DeepClone());
            }
        }

        statements.Add(ours);
        policy["Statement"] = statements;
        return policy.ToJsonString(Indented);
    }

    private static JsonObject Parse(string existing, string bucket)
    {
        try
        {
            return JsonNode.Parse(existing) as JsonObject ?? throw Malformed(bucket, "it is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Malformed(bucket, e.Message);
        }
    }

    private static PublishException Malformed(string bucket, string why) =>
        new($"s3://{bucket}: the bucket policy is not a policy document ({why}); it was left unchanged: fix it or add the statement of 'neuronav publish --print-policy' by hand");

    /// <summary>Whether <paramref name="arn"/> is a CloudFront distribution's ARN.</summary>
    public static bool IsDistributionArn(string arn) => DistributionArn().IsMatch(arn);

    [GeneratedRegex(@"^arn:aws[a-z-]*:cloudfront::\d{12}:distribution/[A-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DistributionArn();
}
