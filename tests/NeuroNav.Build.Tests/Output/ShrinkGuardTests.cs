using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Core;

namespace NeuroNav.Build.Tests.Output;

/// <summary>A build never silently shrinks a site: it stops before writing when a model would lose more than its share.</summary>
public sealed class ShrinkGuardTests
{
    [Fact]
    public async Task Build_that_would_remove_a_third_of_a_models_neurons_stops_naming_the_model_and_writes_nothing()
    {
        using var site = new TinySite();
        await site.BuildAsync();
        var before = Snapshot(site);
        site.Corpus.Remove(new NeuronId("tiny-a", 1, 3));
        site.Corpus.Remove(new NeuronId("tiny-a", 0, 7));

        var ex = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync());

        Assert.Contains("2 of its 6 neuron documents of tiny-a", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-shrink", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(site));
    }

    [Fact]
    public async Task Empty_corpus_over_an_existing_site_stops_for_every_model_it_had()
    {
        using var site = new TinySite();
        await site.BuildAsync();
        var before = Snapshot(site);
        var models = site.Files().Select(f => f.Split('/')).Where(s => s.Length == 4 && s[0] == "api" && s[3] != "index.json" && char.IsAsciiDigit(s[2][0]))
            .Select(s => s[1]).Distinct().ToList();
        foreach (var id in site.Corpus.Partitions().ToList().SelectMany(p => site.Files().Where(f => f.StartsWith($"api/{p.Model}/{p.Layer}/", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f)).Where(n => char.IsAsciiDigit(n[0])).Select(n => new NeuronId(p.Model, p.Layer, int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)))).ToList())
        {
            site.Corpus.Remove(id);
        }

        var ex = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync());

        Assert.NotEmpty(models);
        Assert.All(models, m => Assert.Contains($" neuron documents of {m} (100%)", ex.Message, StringComparison.Ordinal));
        Assert.Equal(before, Snapshot(site));
    }

    [Fact]
    public async Task Shrink_within_the_allowed_share_or_with_allow_shrink_goes_ahead()
    {
        using var site = new TinySite();
        await site.BuildAsync();
        site.Corpus.Remove(new NeuronId("tiny-a", 0, 7));

        var within = await site.BuildAsync(new BuildOptions(site.Output, [], MaxShrink: 0.2));
        site.Corpus.Remove(new NeuronId("tiny-a", 1, 3));
        var allowed = await site.BuildAsync(allowShrink: true);

        Assert.Equal(3, within.FilesRemoved);
        Assert.False(File.Exists(site.File("api/tiny-a/0/7.json")));
        Assert.False(File.Exists(site.File("api/tiny-a/1/3.json")));
        Assert.True(allowed.FilesRemoved >= 3);
    }

    private static Dictionary<string, string> Snapshot(TinySite site)
        => site.Files().ToDictionary(f => f, f => Hashing.Sha256Hex(File.ReadAllBytes(site.File(f))), StringComparer.Ordinal);
}
