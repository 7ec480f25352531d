using System.Text.Json;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Core;

namespace NeuroNav.Build.Tests.Output;

public sealed class IncrementalBuildTests
{
    private static readonly DateTime Old = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Second_build_of_the_same_corpus_writes_nothing()
    {
        using var site = new TinySite();
        var first = await site.BuildAsync();
        var manifest = File.ReadAllBytes(site.File("manifest.json"));
        Age(site);

        var second = await site.BuildAsync();

        Assert.Equal(first.FilesWritten, second.FilesUnchanged + 1); // the first build also wrote the manifest
        Assert.Equal(0, second.FilesWritten);
        Assert.Equal(0, second.BytesWritten);
        Assert.Equal(0, second.FilesRemoved);
        Assert.Empty(Touched(site));
        Assert.Equal(manifest, File.ReadAllBytes(site.File("manifest.json")));
    }

    [Fact]
    public async Task Builds_with_different_parallelism_into_different_folders_are_byte_identical()
    {
        using var site = new TinySite();
        await site.BuildAsync(parallelism: 1);
        var other = site.Output + "-other";
        try
        {
            await site.BuildAsync(parallelism: 4, output: other);

            Assert.Equal(site.Files(), site.Files(other));
            foreach (var path in site.Files())
            {
                Assert.True(File.ReadAllBytes(site.File(path)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(other, path))), path);
            }
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public async Task Manifest_lists_every_file_but_itself_sorted_with_size_and_sha256()
    {
        using var site = new TinySite();
        await site.BuildAsync();

        using var doc = JsonDocument.Parse(File.ReadAllBytes(site.File("manifest.json")));
        Assert.Equal("manifest", doc.RootElement.GetProperty("schema").GetString());
        var files = doc.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(site.Files().Where(f => f != "manifest.json"), files.Select(f => f.GetProperty("path").GetString()));
        var index = files.Single(f => f.GetProperty("path").GetString() == "api/index.json");
        var bytes = File.ReadAllBytes(site.File("api/index.json"));
        Assert.Equal(bytes.Length, index.GetProperty("bytes").GetInt64());
        Assert.Equal(Hashing.Sha256Hex(bytes), index.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Changed_neuron_rewrites_only_its_files_its_indexes_and_the_manifest()
    {
        using var site = new TinySite();
        await site.BuildAsync();
        Age(site);

        site.Corpus.Add(TinySite.Neuron("tiny-a", 0, 2, 9.5f));
        var report = await site.BuildAsync();

        Assert.Equal(
            [
                "api/tiny-a/0/2.json", "api/tiny-a/0/index.json", "api/tiny-a/index.json", "api/tiny-a/neuroscope/0/2.json",
                "manifest.json", "tiny-a/0/2.html", "tiny-a/0/index.html", "tiny-a/index.html",
            ],
            Touched(site));
        Assert.Equal(8, report.FilesWritten);
    }

    [Fact]
    public async Task File_whose_size_on_disk_differs_from_the_manifest_is_rewritten()
    {
        using var site = new TinySite();
        await site.BuildAsync();
        var good = File.ReadAllBytes(site.File("api/tiny-b/0/1.json"));
        File.WriteAllText(site.File("api/tiny-b/0/1.json"), "{}");

        var report = await site.BuildAsync();

        Assert.Equal(1, report.FilesWritten);
        Assert.Equal(good, File.ReadAllBytes(site.File("api/tiny-b/0/1.json")));
    }

    [Fact]
    public async Task Subset_build_keeps_other_models_files_and_manifest_entries()
    {
        using var site = new TinySite();
        await site.BuildAsync();
        var manifest = File.ReadAllText(site.File("manifest.json"));
        var files = site.Files();

        site.Corpus.Add(TinySite.Neuron("tiny-b", 0, 3, 0.5f));
        site.Corpus.Add(TinySite.Neuron("tiny-a", 0, 4, 0.5f)); // not built: tiny-a is outside the subset
        var report = await site.BuildAsync(models: ["tiny-b"]);

        Assert.Equal(0, report.FilesRemoved);
        Assert.Equal(3, report.Neurons);
        Assert.Equal(files.Concat(["api/tiny-b/0/3.json", "api/tiny-b/neuroscope/0/3.json", "tiny-b/0/3.html"]).Order(StringComparer.Ordinal), site.Files());
        Assert.False(File.Exists(site.File("api/tiny-a/0/4.json")));
        var after = ManifestPaths(site);
        Assert.Contains("api/tiny-a/0/1.json", after);
        Assert.Contains("tiny-a/1/3.html", after);
        Assert.Contains("api/tiny-b/0/3.json", after);
        Assert.Equal(ManifestPaths(manifest).Where(p => p.StartsWith("api/tiny-a/", StringComparison.Ordinal)), after.Where(p => p.StartsWith("api/tiny-a/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Layer_range_build_keeps_the_model_s_other_layers()
    {
        using var site = new TinySite();
        await site.BuildAsync();
        site.Corpus.Remove(new NeuronId("tiny-a", 0, 7));

        var report = await site.BuildAsync(models: ["tiny-a"], first: 1, last: 1);

        Assert.Equal(0, report.FilesRemoved);
        Assert.True(File.Exists(site.File("api/tiny-a/0/7.json")));
        Assert.Contains("api/tiny-a/0/7.json", ManifestPaths(site));
    }

    [Fact]
    public async Task Files_the_build_no_longer_produces_are_removed_with_their_empty_folders()
    {
        using var site = new TinySite();
        await site.BuildAsync();
        site.Corpus.Remove(new NeuronId("tiny-a", 1, 3));
        site.Corpus.Remove(new NeuronId("tiny-a", 0, 7));

        var report = await site.BuildAsync(allowShrink: true);

        Assert.Equal(6 + 2, report.FilesRemoved); // 2 neurons × 3 files, then layer 1's index.json and index.html
        Assert.False(File.Exists(site.File("api/tiny-a/0/7.json")));
        Assert.False(File.Exists(site.File("tiny-a/0/7.html")));
        Assert.False(Directory.Exists(site.File("api/tiny-a/1")));
        Assert.False(Directory.Exists(site.File("api/tiny-a/neuroscope/1")));
        Assert.DoesNotContain("api/tiny-a/0/7.json", ManifestPaths(site));
        Assert.Equal(site.Files().Where(f => f != "manifest.json"), ManifestPaths(site));
    }

    private static void Age(TinySite site)
    {
        foreach (var path in site.Files())
        {
            File.SetLastWriteTimeUtc(site.File(path), Old);
        }
    }

    private static IReadOnlyList<string> Touched(TinySite site) =>
        [.. site.Files().Where(p => File.GetLastWriteTimeUtc(site.File(p)) != Old)];

    private static IReadOnlyList<string> ManifestPaths(TinySite site) => ManifestPaths(File.ReadAllText(site.File("manifest.json")));

    private static IReadOnlyList<string> ManifestPaths(string manifest)
    {
        using var doc = JsonDocument.Parse(manifest);
        return [.. doc.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!)];
    }
}
