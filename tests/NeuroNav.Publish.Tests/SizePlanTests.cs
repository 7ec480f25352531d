using NeuroNav.Build;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Html;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Build.Profiles;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Sample;
using NeuroNav.TestKit;
using Xunit.Abstractions;

namespace NeuroNav.Publish.Tests;

/// <summary>The plan against the real build: within 10% on the sample and on a synthetic 6,400-neuron layer.</summary>
public sealed class SizePlanTests(ITestOutputHelper log) : IDisposable
{
    private static readonly ModelCatalog Catalog = SampleMirrorServer.Catalog;

    /// <summary>The sources of the public site, without data: the sample corpus holds Neuroscope's tables only.</summary>
    private static readonly IReadOnlyList<ISectionSource> Sources = [Gpt4SectionSource.WithoutData, GraphSectionSource.WithoutData];

    private static readonly Lazy<ScribanPageRenderer> Renderer =
        new(() => ScribanPageRenderer.Load(Repo.Path("templates"), Repo.Path("content"), "0.0.0-test"));

    private readonly TempDirectory _dir = new("neuronav-plan");

    /// <summary>The build syncs every file it writes; on tmpfs that costs nothing, so thousands of files stay fast.</summary>
    private readonly string _fast = Directory.Exists("/dev/shm") ? Path.Combine("/dev/shm", $"neuronav-plan-{Guid.NewGuid():N}") : Path.Combine(Path.GetTempPath(), $"neuronav-plan-{Guid.NewGuid():N}");

    [Theory]
    [InlineData("full", "solu-1l gpt2-small")]
    [InlineData("pages", "solu-1l gelu-1l solu-2l gelu-2l")]
    public async Task Plan_of_the_sample_is_within_10_percent_of_the_real_build(string profileName, string models)
    {
        var corpus = await WriteCorpusAsync(SampleMirror.Neurons(Catalog));
        var profile = BuildProfile.Named(profileName);

        // 4 of the up to 18 neurons of each sample layer: the rest is extrapolated, as for a real layer.
        var (plan, real) = await PlanAndBuildAsync(corpus, profile, sampleSize: 4);

        AssertWithin10Percent(plan, real);
        Assert.Equal(models.Split(' '), plan.Models.Select(m => m.Model));
    }

    [Fact]
    public async Task Plan_of_a_6400_neuron_layer_is_within_10_percent_and_no_folder_passes_10000_entries()
    {
        var corpus = await WriteCorpusAsync(SyntheticLayer("gpt2-xl", 5, 6400));

        var (plan, real) = await PlanAndBuildAsync(corpus, BuildProfile.Full);

        AssertWithin10Percent(plan, real);
        Assert.Equal(6400, plan.Models.Single().Neurons);
        Assert.Equal(6401, plan.LargestDirectoryEntries);
        Assert.Equal(6401, real.LargestDirectoryEntries);
        Assert.True(real.LargestDirectoryEntries <= BuildProfile.DirectoryEntryLimit, $"{real.LargestDirectory} holds {real.LargestDirectoryEntries} entries");
        Assert.Empty(plan.Violations());
    }

    [Fact]
    public async Task A_plan_over_the_profile_limit_names_the_limit_and_the_largest_model()
    {
        var corpus = await WriteCorpusAsync(SampleMirror.Neurons(Catalog));
        var tight = BuildProfile.Pages with { Models = [], MaxSiteBytes = 100_000 };

        var (plan, real) = await PlanAndBuildAsync(corpus, tight);

        var problem = Assert.Single(plan.Violations());
        Assert.Contains("over the limit of 100,000", problem, StringComparison.Ordinal);
        Assert.Contains("largest model: gpt2-small", problem, StringComparison.Ordinal);
        var e = Assert.Throws<BuildException>(() => real.Check(tight));
        Assert.Contains("do not deploy it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_check_reports_the_plan_then_refuses_a_build_over_the_limit_before_anything_is_written()
    {
        var corpus = await WriteCorpusAsync(SampleMirror.Neurons(Catalog));
        var tight = BuildProfile.Pages with { Models = [], MaxSiteBytes = 100_000 };
        var output = Path.Combine(_fast, "never-written");
        var planner = new SizePlanner(corpus, Catalog, Renderer.Value, Sources) { WorkDirectory = _fast, SampleSize = 4 };
        var planned = new List<SizePlan>();

        var e = await Assert.ThrowsAsync<BuildException>(() => PlanCheck.CheckAsync(planner, tight, tight.Apply(new BuildOptions(output, [])), new Reported<SizePlan>(planned), CancellationToken.None));

        Assert.Contains("over the limit of 100,000", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("; nothing was built", e.Message, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(planned).Violations().Single(), e.Message[..^"; nothing was built".Length]);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Plan_check_returns_the_plan_of_a_build_that_fits()
    {
        var corpus = await WriteCorpusAsync(SampleMirror.Neurons(Catalog));
        var planner = new SizePlanner(corpus, Catalog, Renderer.Value, Sources) { WorkDirectory = _fast, SampleSize = 4 };
        var options = BuildProfile.Pages.Apply(new BuildOptions(Path.Combine(_fast, "output"), []));

        var plan = await PlanCheck.CheckAsync(planner, BuildProfile.Pages, options, null, CancellationToken.None);

        Assert.Empty(plan.Violations());
        Assert.Equal(["solu-1l", "gelu-1l", "solu-2l", "gelu-2l"], plan.Models.Select(m => m.Model));
    }

    [Fact]
    public void Pages_profile_keeps_ten_texts_cut_to_the_truncated_window()
    {
        var neuron = SyntheticLayer("gpt2-small", 0, 1, texts: 20, tokens: 200).Single();

        var trimmed = TrimmedCorpus.Trim(neuron, BuildProfile.Pages);

        Assert.Equal(10, trimmed.Texts.Count);
        var (text, original) = (trimmed.Texts[3], neuron.Texts[3]);
        Assert.Equal(original.Truncated.Length, text.Tokens.Length);
        Assert.Equal(original.Tokens[original.MaxTokenIndex], text.Tokens[text.MaxTokenIndex]);
        Assert.Equal(original.Values[original.MaxTokenIndex], text.Values[text.MaxTokenIndex]);
    }

    public void Dispose()
    {
        _dir.Dispose();
        if (Directory.Exists(_fast))
        {
            Directory.Delete(_fast, recursive: true);
        }
    }

    private void AssertWithin10Percent(SizePlan plan, OutputSize real)
    {
        log.WriteLine($"profile {plan.Profile.Name}: plan {plan.Files:N0} files {plan.Bytes:N0} bytes; build {real.Files:N0} files {real.Bytes:N0} bytes");
        var bytesError = Math.Abs(plan.Bytes - real.Bytes) / (double)real.Bytes;
        var filesError = Math.Abs(plan.Files - real.Files) / (double)real.Files;
        Assert.True(bytesError < 0.10, $"plan {plan.Bytes:N0} bytes, build {real.Bytes:N0} bytes: {bytesError:P1} off");
        Assert.True(filesError < 0.10, $"plan {plan.Files:N0} files, build {real.Files:N0} files: {filesError:P1} off");
    }

    private async Task<(SizePlan Plan, OutputSize Real)> PlanAndBuildAsync(CorpusStore corpus, BuildProfile profile, int sampleSize = 32)
    {
        var output = Path.Combine(_fast, "output-" + profile.Name);
        var options = profile.Apply(new BuildOptions(output, []));
        var plan = await new SizePlanner(corpus, Catalog, Renderer.Value, Sources) { WorkDirectory = _fast, SampleSize = sampleSize }.PlanAsync(profile, options, CancellationToken.None);
        await new SiteBuilder(TrimmedCorpus.For(corpus, profile), Catalog, Renderer.Value, Sources).BuildAsync(options, null, CancellationToken.None);
        return (plan, OutputSize.Measure(output));
    }

    private async Task<CorpusStore> WriteCorpusAsync(IReadOnlyList<NeuroscopeNeuron> neurons)
    {
        var corpus = new CorpusStore(_dir.Combine("corpus"));
        foreach (var layer in neurons.GroupBy(n => (n.Id.Model, n.Id.Layer)))
        {
            foreach (var batch in layer.OrderBy(n => n.Id.Neuron).Chunk(1000))
            {
                var coverage = batch.Select(n => new CoverageRow(n.Id.Model, n.Id.Layer, n.Id.Neuron, "neuroscope", CoverageStatus.Present, null, n.Provenance.Url, 200, n.Provenance.FetchedAt)).ToList();
                await corpus.WriteBatchAsync(layer.Key.Model, layer.Key.Layer, batch, coverage, CancellationToken.None);
            }
        }

        return corpus;
    }

    /// <summary>Neurons with a varying number of texts and tokens per text, tokens from a small vocabulary.</summary>
    private static List<NeuroscopeNeuron> SyntheticLayer(string model, int layer, int count, int? texts = null, int? tokens = null)
    {
        var random = new Random(6400);
        string[] vocabulary = [.. Enumerable.Range(0, 500).Select(i => (i % 3 == 0 ? " " : "") + new string((char)('a' + (i % 26)), 1 + (i % 7)))];
        var neurons = new List<NeuroscopeNeuron>(count);
        for (var n = 0; n < count; n++)
        {
            var list = new List<NeuroscopeText>();
            var textCount = texts ?? random.Next(1, 5);
            for (var t = 0; t < textCount; t++)
            {
                var length = tokens ?? random.Next(6, 21);
                var values = Enumerable.Range(0, length).Select(_ => MathF.Round((float)random.NextDouble() * 3, 4)).ToArray();
                var max = Array.IndexOf(values, values.Max());
                list.Add(new NeuroscopeText(t, values[max], values.Min(), random.Next(), "Open Web Text", max,
                    [.. Enumerable.Range(0, length).Select(_ => vocabulary[random.Next(vocabulary.Length)])], values));
            }

            var id = new NeuronId(model, layer, n);
            neurons.Add(new NeuroscopeNeuron(id, 3, -3, "1.39.0", list, new Provenance($"https://neuroscope.io/{id}.html", DateTimeOffset.UnixEpoch, new string('b', 64), 1000)));
        }

        return neurons;
    }

    private sealed class Reported<T>(List<T> values) : IProgress<T>
    {
        public void Report(T value) => values.Add(value);
    }
}
