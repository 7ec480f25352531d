using System.Text.Json.Nodes;

namespace NeuroNav.Publish.Tests;

/// <summary>
/// The read policy itself. moto does not refuse anonymous listing or writes whatever the policy says, so what the
/// policy grants is checked here: s3:GetObject on the prefix's objects, to no one else and for nothing else.
/// </summary>
public sealed class BucketPolicyTests
{
    private const string Distribution = "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE";

    [Fact]
    public void Public_policy_grants_only_get_object_on_the_prefix_objects_to_everyone()
    {
        var policy = JsonNode.Parse(BucketPolicy.Document("neuronav", "site/"))!.AsObject();

        Assert.Equal(["Version", "Statement"], policy.Select(p => p.Key));
        Assert.Equal("2012-10-17", (string?)policy["Version"]);
        var statement = Assert.Single(policy["Statement"]!.AsArray())!.AsObject();
        // No NotAction, NotResource, NotPrincipal or Condition: exactly these five keys.
        Assert.Equal(["Sid", "Effect", "Principal", "Action", "Resource"], statement.Select(p => p.Key));
        Assert.Equal("NeuroNavRead", (string?)statement["Sid"]);
        Assert.Equal("Allow", (string?)statement["Effect"]);
        Assert.Equal("*", (string?)statement["Principal"]);
        Assert.Equal("s3:GetObject", (string?)statement["Action"]);
        Assert.Equal("arn:aws:s3:::neuronav/site/*", (string?)statement["Resource"]);
    }

    [Fact]
    public void Policy_for_the_bucket_root_names_its_objects_never_the_bucket_itself()
    {
        var statement = JsonNode.Parse(BucketPolicy.Document("neuronav", ""))!["Statement"]![0]!;

        // "arn:aws:s3:::neuronav" (the bucket) is what s3:ListBucket would need; the objects are "neuronav/*".
        Assert.Equal("arn:aws:s3:::neuronav/*", (string?)statement["Resource"]);
        Assert.Equal("s3:GetObject", (string?)statement["Action"]);
    }

    [Fact]
    public void CloudFront_policy_grants_the_read_to_one_distribution_and_no_one_else()
    {
        var statement = JsonNode.Parse(BucketPolicy.Document("neuronav", "site/", Distribution))!["Statement"]![0]!.AsObject();

        Assert.Equal(["Sid", "Effect", "Principal", "Action", "Resource", "Condition"], statement.Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Service":"cloudfront.amazonaws.com"}"""), statement["Principal"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["StringEquals"] = new JsonObject { ["AWS:SourceArn"] = Distribution } }, statement["Condition"]));
        Assert.Equal("s3:GetObject", (string?)statement["Action"]);
        Assert.Equal("arn:aws:s3:::neuronav/site/*", (string?)statement["Resource"]);
    }

    [Theory]
    [InlineData("EDFDVBD6EXAMPLE")]
    [InlineData("arn:aws:cloudfront::111122223333:origin-access-control/E2QWRUHEXAMPLE")]
    [InlineData("arn:aws:s3:::neuronav")]
    public void CloudFront_policy_refuses_what_is_not_a_distribution_arn(string arn)
    {
        Assert.False(BucketPolicy.IsDistributionArn(arn));
        var e = Assert.Throws<PublishException>(() => BucketPolicy.Document("neuronav", "site/", arn));
        Assert.Contains($"'{arn}' is not a distribution ARN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_keeps_the_other_statements_and_replaces_the_previous_neuronav_statement()
    {
        const string existing = """
            { "Version": "2012-10-17", "Id": "team-policy", "Statement": [
              { "Sid": "NeuroNavRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::neuronav/old/*" },
              { "Sid": "Backups", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/backup" },
                "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::neuronav", "arn:aws:s3:::neuronav/*"] },
              { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::neuronav/*",
                "Condition": { "Bool": { "aws:SecureTransport": "false" } } } ] }
            """;
        var before = JsonNode.Parse(existing)!;

        var merged = JsonNode.Parse(BucketPolicy.Merge(existing, "neuronav", "site/"))!;

        Assert.Equal("team-policy", (string?)merged["Id"]);
        var statements = merged["Statement"]!.AsArray();
        Assert.Equal(3, statements.Count);
        Assert.True(JsonNode.DeepEquals(before["Statement"]![1], statements[0]));
        Assert.True(JsonNode.DeepEquals(before["Statement"]![2], statements[1]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(BucketPolicy.Document("neuronav", "site/"))!["Statement"]![0], statements[2]));
        Assert.Equal(merged.ToJsonString(), JsonNode.Parse(BucketPolicy.Merge(merged.ToJsonString(), "neuronav", "site/"))!.ToJsonString());
    }

    [Fact]
    public void Merge_reads_a_policy_whose_statement_is_a_single_object()
    {
        const string existing = """{ "Version": "2012-10-17", "Statement": { "Sid": "Logs", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::neuronav/logs/*" } }""";

        var statements = JsonNode.Parse(BucketPolicy.Merge(existing, "neuronav", "site/"))!["Statement"]!.AsArray();

        Assert.Equal(["Logs", "NeuroNavRead"], statements.Select(s => (string?)s!["Sid"]));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{ "Version": "2012-10-17", "Statement": "all" }""")]
    [InlineData("""{ "Version": "2012-10-17", "Statement": [ 42 ] }""")]
    public void Merge_refuses_a_bucket_policy_it_cannot_read_naming_the_bucket(string existing)
    {
        var e = Assert.Throws<PublishException>(() => BucketPolicy.Merge(existing, "neuronav", "site/"));

        Assert.StartsWith("s3://neuronav: the bucket policy is not a policy document", e.Message, StringComparison.Ordinal);
        Assert.Contains("left unchanged", e.Message, StringComparison.Ordinal);
    }
}
