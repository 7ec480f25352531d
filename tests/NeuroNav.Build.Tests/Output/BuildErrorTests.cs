using NeuroNav.Build.Pages;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Core;

namespace NeuroNav.Build.Tests.Output;

public sealed class BuildErrorTests
{
    [Fact]
    public async Task Two_producers_of_one_path_is_an_error_naming_the_path_and_both_producers()
    {
        using var site = new TinySite();
        site.Renderer.Static.Add(new StaticFile("tiny-a/0/1.html", "x"u8.ToArray()));

        var e = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync());

        Assert.Contains("'tiny-a/0/1.html'", e.Message, StringComparison.Ordinal);
        Assert.Contains("static file", e.Message, StringComparison.Ordinal);
        Assert.Contains("neuron tiny-a/0/1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("Tiny-A")]
    [InlineData("tiny-a/0")]
    [InlineData("")]
    public async Task Invalid_model_id_is_rejected_before_anything_is_written(string model)
    {
        using var site = new TinySite();

        var e = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync(models: [model]));

        Assert.Contains($"'{model}' is not a valid model id", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Unknown_model_is_rejected_naming_it()
    {
        using var site = new TinySite();

        var e = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync(models: ["gpt2-xxl"]));

        Assert.Contains("unknown model 'gpt2-xxl'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corpus_partition_of_a_model_outside_the_catalog_is_rejected()
    {
        using var site = new TinySite();
        site.Corpus.Add(TinySite.Neuron("..", 0, 0, 1f));

        var e = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync(models: ["tiny-a"]));

        Assert.Contains("model '..'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corpus_neuron_beyond_the_layer_is_rejected_naming_it()
    {
        using var site = new TinySite();
        site.Corpus.Add(TinySite.Neuron("tiny-b", 0, 4, 1f));

        var e = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync());

        Assert.Contains("tiny-b/0/4", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(site.File("api/tiny-b/0/4.json")));
    }

    [Fact]
    public async Task Corpus_neurons_out_of_order_are_rejected_naming_both()
    {
        using var site = new TinySite();
        site.Corpus.Unsorted = true;

        var e = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync(models: ["tiny-b"]));

        Assert.Contains("tiny-b/0/0 after tiny-b/0/1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.css")]
    [InlineData("/etc/passwd")]
    [InlineData("assets/../../outside.css")]
    [InlineData("assets\\site.css")]
    [InlineData("manifest.json")]
    public async Task Static_file_path_outside_the_site_or_reserved_is_rejected(string path)
    {
        using var site = new TinySite();
        site.Renderer.Static.Add(new StaticFile(path, "x"u8.ToArray()));

        var e = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync());

        Assert.Contains($"'{path}'", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Output, "..", "outside.css")));
    }

    [Fact]
    public async Task Corrupt_previous_manifest_is_an_error_naming_the_file()
    {
        using var site = new TinySite();
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(site.File("manifest.json"), "{\"schema\":\"manifest\",");

        var e = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync());

        Assert.Contains(site.File("manifest.json"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_build_stops_and_leaves_the_previous_manifest()
    {
        using var site = new TinySite();
        await site.BuildAsync();
        var manifest = File.ReadAllBytes(site.File("manifest.json"));
        site.Corpus.Add(TinySite.Neuron("tiny-a", 0, 2, 9.5f));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var builder = new SiteBuilder(site.Corpus, TinySite.Catalog, site.Renderer, site.Sources);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => builder.BuildAsync(new BuildOptions(site.Output, []), null, cts.Token));

        Assert.Equal(manifest, File.ReadAllBytes(site.File("manifest.json")));
    }

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(2, 3, 1)]
    [InlineData(2, -1, null)]
    public async Task Bad_parallelism_or_layer_range_is_rejected(int parallelism, int? first, int? last)
    {
        using var site = new TinySite();

        await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync(first: first, last: last, parallelism: parallelism));
    }

    [Fact]
    public async Task Progress_reports_the_neurons_rendered()
    {
        using var site = new TinySite();
        var seen = new List<long>();
        var progress = new SyncProgress(seen);

        var report = await new SiteBuilder(site.Corpus, TinySite.Catalog, site.Renderer, site.Sources).BuildAsync(new BuildOptions(site.Output, []), progress, CancellationToken.None);

        Assert.Equal(8, report.Neurons);
        Assert.Equal(8, seen.Max());
    }

    private sealed class SyncProgress(List<long> seen) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}
