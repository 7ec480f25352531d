using System.Runtime.CompilerServices;
using NeuroNav.Core;

namespace NeuroNav.Publish.Tests;

public sealed class PublishPlanTests
{
    private static readonly ManifestEntry A = new(10, new string('a', 64));
    private static readonly ManifestEntry B = new(10, new string('b', 64));

    [Fact]
    public void Diff_against_the_manifest_gives_each_upload_its_reason_and_deletes_only_owned_paths()
    {
        var tree = Tree(new() { ["new.json"] = A, ["same.json"] = A, ["changed.json"] = B });
        var previous = new Dictionary<string, ManifestEntry> { ["same.json"] = A, ["changed.json"] = A, ["gone.json"] = A, ["_partitions/x.json"] = A };

        var plan = PublishPlan.AgainstManifest(tree, previous, [1, 2, 3]);

        Assert.Equal([new PlannedUpload("changed.json", 10, UploadReason.Changed), new PlannedUpload("new.json", 10, UploadReason.New)], plan.Uploads);
        Assert.Equal(["gone.json"], plan.Deletes);
        Assert.Equal(1, plan.Unchanged);
        Assert.True(plan.UploadManifest);
    }

    [Fact]
    public void Diff_against_the_listing_compares_size_and_etag_with_the_local_md5()
    {
        var tree = Tree(new() { ["missing.json"] = A, ["same.json"] = A, ["other-etag.json"] = A, ["other-size.json"] = A });
        var stored = new Dictionary<string, StoredObject>
        {
            ["same.json"] = new("site/same.json", 10, "0123abcd"),
            ["other-etag.json"] = new("site/other-etag.json", 10, "ffff0000"),
            ["other-size.json"] = new("site/other-size.json", 11, "0123abcd"),
            ["manifest.json"] = new("site/manifest.json", 5, "x"),
            ["stale.html"] = new("site/stale.html", 5, "y"),
        };

        var plan = PublishPlan.AgainstListing(tree, stored, _ => "0123ABCD");

        Assert.Equal(
            [("missing.json", UploadReason.MissingRemotely), ("other-etag.json", UploadReason.Changed), ("other-size.json", UploadReason.Changed)],
            plan.Uploads.Select(u => (u.Path, u.Reason)).Order());
        Assert.Equal(["stale.html"], plan.Deletes);
        Assert.Equal("listing", plan.ComparedWith);
    }

    [Fact]
    public async Task A_failing_upload_is_retried_and_the_manifest_goes_after_every_file()
    {
        using var dir = new TestKit.TempDirectory();
        await File.WriteAllBytesAsync(dir.Combine("a.json"), new byte[10]);
        await File.WriteAllBytesAsync(dir.Combine("b.json"), new byte[10]);
        var tree = Tree(new() { ["a.json"] = A, ["b.json"] = B }, dir.Path);
        var store = new FlakyStore(failuresPerKey: 2);
        var publisher = new Publisher(store, new PublishOptions(Retries: 2) { RetryBaseDelay = TimeSpan.FromMilliseconds(1) });

        var plan = await publisher.PlanAsync(tree, CancellationToken.None);
        var report = await publisher.ExecuteAsync(tree, plan, null, CancellationToken.None);

        Assert.Equal(2, report.FilesUploaded);
        Assert.Equal("site/manifest.json", store.Stored[^1]);
        Assert.Equal(3, store.Attempts["site/a.json"]);
    }

    [Fact]
    public async Task An_upload_that_keeps_failing_names_its_key()
    {
        using var dir = new TestKit.TempDirectory();
        await File.WriteAllBytesAsync(dir.Combine("a.json"), new byte[10]);
        var tree = Tree(new() { ["a.json"] = A }, dir.Path);
        var publisher = new Publisher(new FlakyStore(failuresPerKey: 5), new PublishOptions(Retries: 1) { RetryBaseDelay = TimeSpan.FromMilliseconds(1) });

        var plan = await publisher.PlanAsync(tree, CancellationToken.None);
        var e = await Assert.ThrowsAsync<PublishException>(() => publisher.ExecuteAsync(tree, plan, null, CancellationToken.None));

        Assert.StartsWith("site/a.json: failed after 2 attempt(s)", e.Message, StringComparison.Ordinal);
    }

    private static PublishTree Tree(Dictionary<string, ManifestEntry> files, string root = "/nonexistent") =>
        new(root, "site/", files, SiteManifest.FileName, SiteManifest.Serialize(files), SiteManifest.Parse, SiteTrees.IsSitePath);

    /// <summary>Fails the first puts of every key; records what was stored, in order.</summary>
    private sealed class FlakyStore(int failuresPerKey) : IObjectStore
    {
        public Dictionary<string, int> Attempts { get; } = [];

        public List<string> Stored { get; } = [];

        public Task<byte[]?> GetAsync(string key, CancellationToken ct) => Task.FromResult<byte[]?>(null);

        public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
        {
            await Task.Yield();
            yield break;
        }

        public Task PutFileAsync(string key, string file, ObjectHeaders headers, CancellationToken ct) => Put(key);

        public Task PutBytesAsync(string key, byte[] body, ObjectHeaders headers, CancellationToken ct) => Put(key);

        public Task DeleteAsync(IReadOnlyList<string> keys, CancellationToken ct) => Task.CompletedTask;

        public Task ApplyCorsAsync(CancellationToken ct) => Task.CompletedTask;

        private Task Put(string key)
        {
            lock (Stored)
            {
                Attempts[key] = Attempts.GetValueOrDefault(key) + 1;
                if (key != "site/manifest.json" && Attempts[key] <= failuresPerKey)
                {
                    throw new HttpRequestException($"connection reset while storing {key}");
                }

                Stored.Add(key);
            }

            return Task.CompletedTask;
        }
    }
}
