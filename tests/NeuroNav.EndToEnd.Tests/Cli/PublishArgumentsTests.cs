using System.Text.Json.Nodes;
using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.Publish;
using NeuroNav.TestKit;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests.Cli;

/// <summary><c>neuronav publish</c>'s own part: parsing its options and printing; the flow itself is tested in NeuroNav.Publish.Tests.</summary>
public sealed class PublishArgumentsTests : IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-publish-args");

    [Fact]
    public async Task Print_policy_prints_the_document_without_touching_the_bucket_or_the_site()
    {
        var console = new TestConsole().Width(1000);

        var code = await NeuroNavApp.RunAsync(["publish", "--dir", _dir.Combine("never-built"), "--bucket", "neuronav", "--prefix", "site", "--endpoint", "http://127.0.0.1:9/", "--print-policy"], console);

        Assert.Equal(0, code);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(BucketPolicy.Document("neuronav", "site/")), JsonNode.Parse(console.Output)));
    }

    [Fact]
    public async Task A_cloudfront_distribution_that_is_not_an_arn_is_a_bad_argument()
    {
        var (code, output) = await CliRun.RunAsync("publish", "--bucket", "neuronav", "--print-policy", "--cloudfront-distribution", "EDFDVBD6EXAMPLE");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains("--cloudfront-distribution: 'EDFDVBD6EXAMPLE' is not a distribution ARN", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpt2-xl", "--partition: 'gpt2-xl' is not MODEL:FIRST-LAST, e.g. gpt2-xl:0-11")]
    [InlineData("../x:0-1", "--partition: '../x:0-1' is not MODEL:FIRST-LAST, e.g. gpt2-xl:0-11")]
    public async Task A_partition_that_is_not_model_and_layer_range_is_a_bad_argument_before_any_connection(string partition, string message)
    {
        var (code, output) = await CliRun.RunAsync("publish", "--dir", _dir.Path, "--bucket", "neuronav", "--endpoint", CliRun.RefusingHost().ToString(), "--partition", partition);

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_of_a_folder_without_a_manifest_says_to_build_first()
    {
        var (code, output) = await CliRun.RunAsync("publish", "--dir", _dir.Path, "--bucket", "neuronav", "--endpoint", CliRun.RefusingHost().ToString());

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains($"No manifest.json in {_dir.Path}: run 'neuronav build' first.", output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
