using System.Text.Json;
using Amazon.S3.Model;
using NeuroNav.Core;
using NeuroNav.EndToEnd.Tests.Cli;
using NeuroNav.Publish.Tests.Fixtures;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests.Rehearsal;

/// <summary><c>neuronav rehearse</c> at a tiny size on moto: every stage of both runs, measured; the second run publishes nothing.</summary>
[Collection(MotoCollection.Name)]
public sealed class RehearseTests(MotoServer moto) : IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-rehearse");

    [S3Fact]
    public async Task A_tiny_rehearsal_reports_every_stage_and_its_second_run_publishes_nothing()
    {
        var (_, client, bucket) = await NewBucketAsync();
        var json = _dir.Combine("figures.json");

        var (code, output) = await CliRun.RunAsync(
            "rehearse", "--work", _dir.Combine("work"), "--endpoint", moto.Endpoint.ToString(), "--bucket", bucket, "--prefix", "site",
            "--layers", "2", "--neurons", "8", "--texts", "2", "--tokens", "16", "--sample-period", "10", "--json", json);

        Assert.True(code == 0, output);
        using var figures = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        var root = figures.RootElement;
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(
            ["1 mirror", "1 fetch", "1 partition", "1 indexes", "2 fetch", "2 partition", "2 indexes"],
            stages.Select(s => $"{s.GetProperty("run").GetInt32()} {s.GetProperty("stage").GetString()}"));
        Assert.All(stages, s =>
        {
            Assert.True(s.GetProperty("wall_seconds").GetDouble() > 0);
            Assert.True(s.GetProperty("peak_rss_bytes").GetInt64() > 0);
            Assert.True(s.GetProperty("samples").GetInt32() >= 2, "a stage is sampled at its start and at its end");
        });

        var (mirror, fetch, partition, indexes) = (stages[0], stages[1], stages[2], stages[3]);
        Assert.Equal(16, mirror.GetProperty("files_written").GetInt64());
        Assert.Equal(16, fetch.GetProperty("mirror_requests").GetInt64());
        Assert.True(fetch.GetProperty("files_written").GetInt64() > 0, "the fetch wrote no corpus file");
        Assert.True(partition.GetProperty("s3_requests").GetProperty("PUT").GetInt64() > 0);
        Assert.True(partition.GetProperty("files_written").GetInt64() > 16, "the partition's layer files were not seen");
        Assert.Contains(indexes.GetProperty("s3_writes").EnumerateArray(), w => w.GetString() == "PUT site/manifest.json");

        // The second run fetches nothing and writes nothing to the bucket.
        Assert.All(stages.Skip(4), s => Assert.Equal(0, s.GetProperty("s3_write_count").GetInt64()));
        Assert.Equal(0, stages[4].GetProperty("mirror_requests").GetInt64());
        var second = root.GetProperty("second_run");
        Assert.True(second.GetProperty("passed").GetBoolean());
        Assert.Empty(second.GetProperty("changed").EnumerateArray());

        // What the listing after the last stage says is what the bucket holds: the site, its manifests and the corpus.
        var keys = await KeysAsync(client, bucket);
        Assert.Equal(stages[^1].GetProperty("objects_stored").GetInt64(), keys.Count);
        Assert.Contains("site/manifest.json", keys);
        Assert.Contains("site/corpus/manifest.json", keys);
        Assert.Contains("site/api/index.json", keys);
        Assert.Contains("site/api/gpt2-xl/1/7.json", keys);
        Assert.Contains("site/_partitions/gpt2-xl/1-1.json", keys);

        // Peak disk of the partition job: the corpus and at most one layer's output. Slack: the work folder's lock file
        // (the command line and process id, under 4 KB) and the build's temporary folder entries.
        var disk = root.GetProperty("peak_disk");
        var peak = disk.GetProperty("partition_peak_disk_bytes").GetInt64();
        var corpus = disk.GetProperty("corpus_bytes").GetInt64();
        Assert.True(disk.GetProperty("largest_layer_bytes").GetInt64() > 0);
        Assert.True(peak >= corpus, $"peak {peak} below the corpus {corpus}");
        Assert.True(peak <= disk.GetProperty("bound_bytes").GetInt64() + 64 * 1024, $"peak {peak} over one layer + corpus: {disk}");
        Assert.Contains("Second run: fetched nothing", output, StringComparison.Ordinal);
    }

    [S3Fact]
    public async Task A_bucket_that_already_holds_objects_under_the_prefix_is_refused_before_anything_starts()
    {
        var (_, client, bucket) = await NewBucketAsync();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "site/manifest.json", ContentBody = "{}" });

        var (code, output) = await RunAsync("--endpoint", moto.Endpoint.ToString(), "--bucket", bucket, "--prefix", "site");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Equal($"error: --bucket: s3://{bucket}/site/ already holds objects (site/manifest.json, ...); the first run must publish everything: give an empty bucket or another --prefix", SingleLine(output));
        Assert.False(Directory.Exists(_dir.Combine("work")));
    }

    [S3Fact]
    public async Task A_bucket_that_does_not_exist_is_named()
    {
        var (code, output) = await RunAsync("--endpoint", moto.Endpoint.ToString(), "--bucket", "neuronav-no-such-bucket");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Equal($"error: --bucket: there is no bucket 'neuronav-no-such-bucket' at {moto.Endpoint}; create it first (scripts/rehearse does)", SingleLine(output));
        Assert.False(Directory.Exists(_dir.Combine("work")));
    }

    [Theory]
    [InlineData("--model gpt5-huge", "error: --model: unknown model 'gpt5-huge'; known models: ")]
    [InlineData("--layers 49", "error: --layers: gpt2-xl has 48 layers of 6400 neurons")]
    [InlineData("--neurons 6401", "error: --neurons: gpt2-xl has 48 layers of 6400 neurons")]
    [InlineData("--texts 0", "error: --texts must be between 1 and 100")]
    [InlineData("--tokens 4097", "error: --tokens must be between 1 and 4096")]
    [InlineData("--sample-period 5", "error: --sample-period must be between 10 and 60000 (milliseconds)")]
    public async Task Sizes_out_of_range_and_unknown_models_are_one_line_and_start_nothing(string options, string error)
    {
        var (code, output) = await RunAsync([.. options.Split(' '), "--endpoint", CliRun.RefusingHost().ToString(), "--bucket", "b"]);

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.StartsWith(error, SingleLine(output), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("work")));
    }

    [Fact]
    public async Task A_work_folder_that_cannot_be_written_is_named()
    {
        var (code, output) = await CliRun.RunAsync("rehearse", "--work", "/proc/neuronav-rehearse", "--endpoint", CliRun.RefusingHost().ToString(), "--bucket", "b");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Equal("error: --work: /proc/neuronav-rehearse cannot be created or written by this user; give a folder it can write", SingleLine(output));
    }

    [Fact]
    public async Task An_endpoint_where_nothing_answers_is_named()
    {
        UseMotoCredentials();
        var endpoint = CliRun.RefusingHost();

        var (code, output) = await RunAsync("--endpoint", endpoint.ToString(), "--bucket", "b");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Equal($"error: --endpoint: nothing answers at {endpoint}; start moto_server there first (scripts/rehearse does)", SingleLine(output));
        Assert.False(Directory.Exists(_dir.Combine("work")));
    }

    public void Dispose() => _dir.Dispose();

    private Task<(int Code, string Output)> RunAsync(params string[] options) =>
        CliRun.RunAsync(["rehearse", "--work", _dir.Combine("work"), .. options]);

    private Task<(Publish.S3ObjectStore Store, Amazon.S3.IAmazonS3 Client, string Bucket)> NewBucketAsync()
    {
        UseMotoCredentials();
        return moto.NewBucketAsync();
    }

    /// <summary>The verbs take their credentials from the environment, as in the workflow; moto accepts any.</summary>
    private static void UseMotoCredentials()
    {
        if (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is null)
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", MotoServer.AccessKey);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", MotoServer.SecretKey);
        }
    }

    private static async Task<List<string>> KeysAsync(Amazon.S3.IAmazonS3 client, string bucket)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response response;
        do
        {
            response = await client.ListObjectsV2Async(request);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return keys;
    }

    private static string SingleLine(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line, got {lines.Length}:\n{output}");
        return lines[0];
    }
}
