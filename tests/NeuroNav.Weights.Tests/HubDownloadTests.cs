using System.Security.Cryptography;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Weights;
using NeuroNav.Weights.Model;

namespace NeuroNav.Weights.Tests;

/// <summary>Downloads from the loopback hub mirror: what lands in the folder, what is recorded, what is not fetched twice.</summary>
public sealed class HubDownloadTests
{
    [Theory]
    [InlineData("gpt2")]
    [InlineData("neox")]
    [InlineData("tl")]
    public async Task Download_of_each_layout_loads_as_the_original_and_records_commit_and_hashes(string layout)
    {
        await using var hub = await HubSetup.StartAsync(layout);

        var record = await hub.DownloadAsync();

        var loaded = WeightsFolder.Load(hub.Written.Info, hub.Row, hub.Target.Path);
        var original = hub.Written.Load();
        Assert.Equal(original.WIn[1], loaded.WIn[1]);
        Assert.Equal(original.WOut[0], loaded.WOut[0]);
        Assert.Equal(original.Unembed, loaded.Unembed);
        Assert.Equal(HubSetup.TokenizerBytes, File.ReadAllBytes(hub.InTarget("tokenizer.json")));

        Assert.Equal((hub.Repo, hub.Repo, "main"), (record.Weights.Asked, record.Weights.Landed, record.Weights.Revision));
        Assert.Equal(hub.Mirror.CommitOf(hub.Repo), record.Weights.CommitSha);
        Assert.Same(record.Weights, record.Tokenizer);
        Assert.Equal(hub.Mirror.BaseAddress, record.BaseUrl);
        Assert.Collection(
            record.Files,
            w =>
            {
                Assert.Equal((hub.WeightsFile, HubHashKind.LfsSha256, true), (w.Name, w.VerifiedBy, w.Downloaded));
                Assert.Equal((long)hub.WeightsBytes.Length, w.Size);
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(hub.WeightsBytes)), w.Sha256);
                Assert.Equal(new Uri(hub.Mirror.BaseAddress, $"{hub.Repo}/resolve/{record.Weights.CommitSha}/{hub.WeightsFile}"), w.Url);
            },
            t =>
            {
                Assert.Equal(("tokenizer.json", HubHashKind.GitBlobSha1), (t.Name, t.VerifiedBy));
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(HubSetup.TokenizerBytes)), t.Sha256);
            });
        Assert.Equal(
            new[] { HubProvenance.FileName, "tokenizer.json", hub.WeightsFile }.Order(StringComparer.Ordinal),
            Directory.GetFiles(hub.Target.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains(record.Weights.CommitSha, File.ReadAllText(hub.InTarget(HubProvenance.FileName)), StringComparison.Ordinal);
        Assert.All(hub.Mirror.Requests, r => Assert.Equal(FetchOptions.DefaultUserAgent, r.UserAgent));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Renamed_repository_is_followed_and_the_repository_it_landed_on_is_recorded(bool redirectKeepsQuery)
    {
        await using var hub = await HubSetup.StartAsync("gpt2", serve: false);
        var commit = hub.Mirror.AddRepository("openai-community/gpt2", hub.Files);
        hub.Mirror.Rename("gpt2", "openai-community/gpt2");
        hub.Mirror.RenameKeepsQuery = redirectKeepsQuery;
        var row = hub.Row with { Repository = "gpt2", TokenizerRepository = "gpt2" };

        var record = await hub.DownloadAsync(row);

        Assert.Equal(("gpt2", "openai-community/gpt2", commit, true), (record.Weights.Asked, record.Weights.Landed, record.Weights.CommitSha, record.Weights.Renamed));
        Assert.All(record.Files, f => Assert.StartsWith($"/openai-community/gpt2/resolve/{commit}/", f.Url.AbsolutePath, StringComparison.Ordinal));
        Assert.Contains(hub.Mirror.Requests, r => r.Status == 307 && r.Path.StartsWith("/api/models/gpt2/revision/main", StringComparison.Ordinal));
        Assert.Equal(
            redirectKeepsQuery ? ["?blobs=true"] : ["", "?blobs=true"],
            hub.Mirror.Requests.Where(r => r.Path.StartsWith("/api/models/openai-community/", StringComparison.Ordinal)).OrderBy(r => r.ReceivedAt).Select(r => r.Path[r.Path.IndexOf("main", StringComparison.Ordinal)..][4..]));
        Assert.NotNull(WeightsFolder.Load(hub.Written.Info, row, hub.Target.Path));
    }

    [Fact]
    public async Task Files_present_with_the_published_hash_are_not_downloaded_again()
    {
        await using var hub = await HubSetup.StartAsync("neox");
        var first = await hub.DownloadAsync();
        var served = hub.Mirror.Requests.Count(r => r.File is not null);

        var again = await hub.DownloadAsync();

        Assert.All(first.Files, f => Assert.True(f.Downloaded));
        Assert.All(again.Files, f => Assert.Equal((false, 0L), (f.Downloaded, f.BytesTransferred)));
        Assert.Equal(served, hub.Mirror.Requests.Count(r => r.File is not null));
        Assert.Equal(first.Files.Select(f => f.Sha256), again.Files.Select(f => f.Sha256));
    }

    [Fact]
    public async Task A_present_file_with_another_hash_is_downloaded_again_and_replaced()
    {
        await using var hub = await HubSetup.StartAsync("gpt2");
        var stale = new byte[hub.WeightsBytes.Length];
        File.WriteAllBytes(hub.InTarget(hub.WeightsFile), stale);

        var record = await hub.DownloadAsync();

        Assert.True(record.Files[0].Downloaded);
        Assert.Equal(hub.WeightsBytes, File.ReadAllBytes(hub.InTarget(hub.WeightsFile)));
    }

    [Fact]
    public async Task A_part_left_by_an_earlier_run_is_resumed_from_its_end_and_only_the_rest_is_sent()
    {
        await using var hub = await HubSetup.StartAsync("tl");
        var bytes = hub.WeightsBytes;
        var kept = bytes.Length / 3;
        File.WriteAllBytes(hub.InTarget(hub.WeightsFile + ".part"), bytes[..kept]);

        var record = await hub.DownloadAsync();

        var request = Assert.Single(hub.Mirror.FileRequests(hub.Repo, hub.WeightsFile));
        Assert.Equal(($"bytes={kept}-", 206, (long)(bytes.Length - kept)), (request.Range, request.Status, request.BodyBytes));
        Assert.Equal(bytes.Length - kept, record.Files[0].BytesTransferred);
        Assert.Equal(bytes, File.ReadAllBytes(hub.InTarget(hub.WeightsFile)));
        Assert.False(File.Exists(hub.InTarget(hub.WeightsFile + ".part")));
    }

    [Fact]
    public async Task Cancelled_download_keeps_its_part_and_the_next_run_resumes_it()
    {
        await using var hub = await HubSetup.StartAsync("gpt2");
        var (final, part) = (hub.InTarget(hub.WeightsFile), hub.InTarget(hub.WeightsFile + ".part"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(HubSetup.Guard());
        var progress = new Inline(p =>
        {
            if (p.Stage == HubStage.Downloading)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => HubDownloader.DownloadAsync(hub.Row, hub.Target.Path, hub.Options(), progress, cancel.Token));

        Assert.False(File.Exists(final));
        var kept = new FileInfo(part).Length;
        Assert.InRange(kept, 1, hub.WeightsBytes.Length);
        var record = await hub.DownloadAsync();
        Assert.Equal(hub.WeightsBytes.Length - kept, record.Files[0].BytesTransferred);
        Assert.Equal(hub.WeightsBytes, File.ReadAllBytes(final));
    }

    /// <summary>Reports on the caller's thread, so the test can cancel at a known point.</summary>
    private sealed class Inline(Action<HubProgress> report) : IProgress<HubProgress>
    {
        public void Report(HubProgress value) => report(value);
    }
}
