using NeuroNav.Fetch.Weights;
using NeuroNav.TestKit;

namespace NeuroNav.Weights.Tests;

/// <summary>What the hub mirror breaks, and what the download makes of it.</summary>
public sealed class HubFaultTests
{
    [Fact]
    public async Task Dropped_connection_is_resumed_with_a_range_and_only_the_rest_is_sent_again()
    {
        await using var hub = await HubSetup.StartAsync("gpt2");
        var bytes = hub.WeightsBytes;
        hub.Mirror.Fault(hub.Repo, hub.WeightsFile, HubFault.DropConnectionAfter(bytes.Length / 2), HubFault.None);

        var record = await hub.DownloadAsync();

        var requests = hub.Mirror.FileRequests(hub.Repo, hub.WeightsFile).OrderBy(r => r.ReceivedAt).ToList();
        Assert.Equal(2, requests.Count);
        var (first, resumed) = (requests[0], requests[1]);
        Assert.Null(first.Range);
        Assert.Equal(bytes.Length / 2, first.BodyBytes);
        var from = long.Parse(resumed.Range!["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(from, 1, first.BodyBytes);
        Assert.Equal((206, bytes.Length - from), (resumed.Status, resumed.BodyBytes));
        Assert.Equal(from + resumed.BodyBytes, record.Files[0].BytesTransferred);
        Assert.Equal(bytes, File.ReadAllBytes(hub.InTarget(hub.WeightsFile)));
    }

    [Fact]
    public async Task A_body_that_keeps_breaking_off_gives_up_naming_what_is_kept_for_the_next_run()
    {
        await using var hub = await HubSetup.StartAsync("neox");
        hub.Mirror.Fault(hub.Repo, hub.WeightsFile, HubFault.DropConnectionAfter(1000));

        var e = await Assert.ThrowsAsync<HubException>(() => hub.DownloadAsync(options: hub.Options(maxResumes: 2)));

        Assert.Contains("broke off 3 times", e.Message, StringComparison.Ordinal);
        Assert.Contains($"3000 of {hub.WeightsBytes.Length} bytes are kept in {hub.WeightsFile}.part", e.Message, StringComparison.Ordinal);
        Assert.Equal(hub.WeightsBytes[..3000], File.ReadAllBytes(hub.InTarget(hub.WeightsFile + ".part")));
        Assert.False(File.Exists(hub.InTarget(hub.WeightsFile)));
    }

    [Theory]
    [InlineData(false, "sha256")]
    [InlineData(true, "git blob id")]
    public async Task Hash_mismatch_is_refused_and_nothing_remains_under_the_final_name(bool tokenizer, string hash)
    {
        await using var hub = await HubSetup.StartAsync("tl");
        var file = tokenizer ? "tokenizer.json" : hub.WeightsFile;
        hub.Mirror.Fault(hub.Repo, file, HubFault.WrongBytes);

        var e = await Assert.ThrowsAsync<HubException>(() => hub.DownloadAsync());

        Assert.Equal((hub.Repo, file), (e.Repository, e.File));
        Assert.StartsWith($"{hub.Repo}: {file}: {hash} ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"; the download is discarded ({e.Url})", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"/{hub.Repo}/resolve/{hub.Mirror.CommitOf(hub.Repo)}/{file}", e.Url.AbsoluteUri, StringComparison.Ordinal);
        Assert.False(File.Exists(hub.InTarget(file)));
        Assert.False(File.Exists(hub.InTarget(file + ".part")));
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_retry_after_the_hub_asks_for()
    {
        await using var hub = await HubSetup.StartAsync("gpt2");
        hub.Mirror.Fault(hub.Repo, hub.WeightsFile, HubFault.TooManyRequests(retryAfterSeconds: 1), HubFault.None);
        var options = hub.Options();

        // The computed backoff is an hour: only honouring Retry-After gets this done within the test's guard.
        options = options with { Http = options.Http with { RetryBaseDelay = TimeSpan.FromHours(1), MaxRetryDelay = TimeSpan.FromHours(2) } };
        var record = await hub.DownloadAsync(options: options);

        var requests = hub.Mirror.FileRequests(hub.Repo, hub.WeightsFile).OrderBy(r => r.ReceivedAt).ToList();
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), "the retry came before Retry-After said");
        Assert.True(record.Files[0].Downloaded);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "repository", "repository not found (or private) (HTTP 401 RepoNotFound: Repository not found)" },
        { "revision", "revision 'v9' not found (HTTP 404 RevisionNotFound: Invalid rev id: v9)" },
        { "unlisted", "not a file of revision main (commit " },
        { "not-found", "file not found at this commit (HTTP 404 EntryNotFound: Entry not found)" },
        { "gated", "gated: the hub serves it only to a signed-in user who accepted its terms, and NeuroNav sends no token (HTTP 403 GatedRepo" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refusal_is_one_line_naming_repository_file_and_url(string what, string expected)
    {
        await using var hub = await HubSetup.StartAsync("neox");
        var row = what switch
        {
            "repository" => hub.Row with { Repository = "nobody/missing" },
            "revision" => hub.Row with { Revision = "v9" },
            "unlisted" => hub.Row with { Files = ["model-00001-of-00002.safetensors"] },
            _ => hub.Row,
        };
        if (what == "not-found")
        {
            hub.Mirror.Fault(hub.Repo, hub.WeightsFile, HubFault.NotFound);
        }
        else if (what == "gated")
        {
            hub.Mirror.Gate(hub.Repo);
        }

        var e = await Assert.ThrowsAsync<HubException>(() => hub.DownloadAsync(row));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith(e.File is null ? $"{row.Repository}: " : $"{row.Repository}: {e.File}: ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"({e.Url})", e.Message, StringComparison.Ordinal);
        var (file, url) = what switch
        {
            "repository" or "revision" => ((string?)null, $"/api/models/{row.Repository}/revision/{row.Revision}"),
            "unlisted" => (row.Files[0], $"/api/models/{row.Repository}/revision/main"),
            _ => (hub.WeightsFile, $"/{hub.Repo}/resolve/{hub.Mirror.CommitOf(hub.Repo)}/{hub.WeightsFile}"),
        };
        Assert.Equal(file, e.File);
        Assert.Equal(url, e.Url.AbsolutePath);
        Assert.Empty(Directory.GetFiles(hub.Target.Path));
    }
}
