using System.Text.Json;
using System.Text.RegularExpressions;
using NeuroNav.Build.Profiles;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Profiles;

/// <summary>The rebuild's matrix computed from the 25-model catalog: every job under the runner's budget, every layer once.</summary>
public sealed partial class SizePlanMatrixTests
{
    private static readonly ModelCatalog Catalog = SampleMirrorServer.Catalog;
    private static readonly SizePlanBudget Budget = new();

    /// <summary>The bench figures, fetching at 4 requests/s shared by 8 partition jobs and the Pages job (the workflow's).</summary>
    private static readonly SizePlanCosts Measured = new() { RequestsPerSecond = 4.0 / 9 };

    /// <summary>Worse than measured on every input at once: 1.7× the bytes written, 1.6× the corpus, 3× the memory, 5× the build time, 10% of requests retried, 25 min of setup.</summary>
    private static readonly SizePlanCosts Pessimistic = new()
    {
        OutputBytesPerNeuron = 1_300_000,
        CorpusBytesPerNeuron = 150_000,
        RssBytesPerLayerNeuron = 500_000,
        BuildSecondsPerNeuron = 0.05,
        RequestsPerNeuron = 1.1,
        RequestsPerSecond = 4.0 / 9,
        SetupTime = TimeSpan.FromMinutes(25),
    };

    public static TheoryData<string> Inputs() => ["measured", "pessimistic"];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_job_of_every_model_fits_the_budget_and_every_layer_is_built_once(string inputs)
    {
        var costs = inputs == "measured" ? Measured : Pessimistic;

        var matrix = SizePlanMatrix.Compute(Catalog.Models, costs, Budget);

        Assert.Empty(matrix.Violations);
        Assert.InRange(matrix.Jobs.Count, Catalog.Models.Count, Budget.MaxJobs);
        foreach (var model in Catalog.Models)
        {
            var jobs = matrix.Jobs.Where(j => j.Model == model.Id).ToList();
            Assert.Equal(Enumerable.Range(0, model.Layers), jobs.SelectMany(j => Enumerable.Range(j.FirstLayer, j.LastLayer - j.FirstLayer + 1)));
            foreach (var job in jobs)
            {
                // The budget, recomputed here from the inputs rather than read from the job.
                long layer = model.NeuronsPerLayer;
                var neurons = layer * (job.LastLayer - job.FirstLayer + 1);
                var disk = (layer * costs.OutputBytesPerNeuron) + (neurons * costs.CorpusBytesPerNeuron);
                var hours = (costs.SetupTime.TotalSeconds + (neurons * ((costs.RequestsPerNeuron / costs.RequestsPerSecond) + costs.BuildSecondsPerNeuron))) / 3600;
                var rss = layer * costs.RssBytesPerLayerNeuron;
                Assert.True(disk <= 10_000_000_000, $"{model.Id} {job.Layers}: {disk:N0} bytes of disk");
                Assert.True(hours <= 5, $"{model.Id} {job.Layers}: {hours:0.00} h");
                Assert.True(rss <= 8_000_000_000, $"{model.Id} {job.Layers}: {rss:N0} bytes of RSS");
                Assert.Equal((neurons, disk, rss), (job.Neurons, job.PeakDiskBytes, job.PeakRssBytes));
            }

            // The fewest jobs: with one job fewer, the widest range would break the budget; the ranges differ by at most one layer.
            var sizes = jobs.Select(j => j.LastLayer - j.FirstLayer + 1).ToList();
            Assert.InRange(sizes.Max() - sizes.Min(), 0, 1);
            if (jobs.Count > 1)
            {
                var widest = (model.Layers + jobs.Count - 2) / (jobs.Count - 1);
                var fewer = SizePlanMatrix.Compute([model with { Layers = widest }], costs, Budget);
                Assert.True(fewer.Jobs.Count > 1, $"{model.Id}: {widest} layers fit one job, so {jobs.Count - 1} jobs would do");
            }
        }

        Assert.Equal(1_111_808, matrix.Neurons);
    }

    [Fact]
    public void Pessimistic_inputs_cost_more_job_hours_and_never_fewer_jobs()
    {
        var measured = SizePlanMatrix.Compute(Catalog.Models, Measured, Budget);
        var pessimistic = SizePlanMatrix.Compute(Catalog.Models, Pessimistic, Budget);

        Assert.True(pessimistic.Jobs.Count >= measured.Jobs.Count, $"{pessimistic.Jobs.Count} jobs pessimistic, {measured.Jobs.Count} measured");
        Assert.True(pessimistic.JobTime > measured.JobTime);
    }

    [Fact]
    public void The_matrix_json_is_what_github_reads_one_entry_per_job_with_its_model_and_layers()
    {
        var matrix = SizePlanMatrix.Compute(Catalog.Models, Measured, Budget);

        var json = matrix.ToGitHubJson();

        Assert.DoesNotContain('\n', json);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(["include"], root.EnumerateObject().Select(p => p.Name));
        var entries = root.GetProperty("include").EnumerateArray().ToList();
        Assert.InRange(entries.Count, 1, 256);
        Assert.All(entries, e =>
        {
            Assert.Equal(["model", "layers"], e.EnumerateObject().Select(p => p.Name));
            Assert.True(Catalog.TryGet(e.GetProperty("model").GetString()!, out _));
            Assert.Matches(LayerRange(), e.GetProperty("layers").GetString()!);
        });
        Assert.Equal(matrix.Jobs.Select(j => (j.Model, j.Layers)), entries.Select(e => (e.GetProperty("model").GetString()!, e.GetProperty("layers").GetString()!)));
        Assert.Contains(entries, e => e.GetProperty("model").GetString() == "gpt2-xl" && e.GetProperty("layers").GetString() == "47-47");
    }

    [Fact]
    public void A_source_too_slow_for_one_layer_in_5_hours_fails_naming_the_model_the_layer_and_the_time()
    {
        var matrix = SizePlanMatrix.Compute(Catalog.Models, Measured with { RequestsPerSecond = 1.0 / 8 }, Budget);

        var xl = Assert.Single(matrix.Violations, v => v.StartsWith("gpt2-xl ", StringComparison.Ordinal));
        Assert.StartsWith("gpt2-xl layer 0 (6,400 neurons) does not fit one job: it takes 14.6 h, over the budget of 5 h", xl, StringComparison.Ordinal);
        Assert.DoesNotContain(matrix.Jobs, j => j.Model == "gpt2-xl");
        Assert.Contains(matrix.Jobs, j => j.Model == "solu-1l");
    }

    [Fact]
    public void A_layer_whose_output_and_corpus_exceed_the_disk_fails_naming_the_disk()
    {
        var matrix = SizePlanMatrix.Compute(Catalog.Models, Measured with { OutputBytesPerNeuron = 1_500_000 }, Budget);

        var xl = Assert.Single(matrix.Violations);
        Assert.Equal("gpt2-xl layer 0 (6,400 neurons) does not fit one job: its peak disk is 10.2 GB, over the budget of 10 GB", xl);
    }

    [Fact]
    public void A_layer_whose_build_exceeds_the_memory_fails_naming_the_rss()
    {
        var matrix = SizePlanMatrix.Compute(Catalog.Models, Measured with { RssBytesPerLayerNeuron = 1_300_000 }, Budget);

        Assert.Equal(["gpt2-xl layer 0 (6,400 neurons) does not fit one job: its peak RSS is 8.32 GB, over the budget of 8 GB"], matrix.Violations);
    }

    [Fact]
    public void More_jobs_than_a_matrix_holds_is_a_violation()
    {
        var deep = new ModelInfo("deep-300l", "gelu", "synthetic", 300, 6400, 300 * 6400, 0);

        var matrix = SizePlanMatrix.Compute([deep], Measured, Budget);

        Assert.Equal(300, matrix.Jobs.Count);
        Assert.Equal(["the matrix needs 300 jobs, over the limit of 256 (most: deep-300l, 300 jobs); raise the request rate or fetch with fewer jobs at once"], matrix.Violations);
    }

    [Fact]
    public void A_model_is_split_into_the_fewest_ranges_of_near_equal_size()
    {
        // 5,000 neurons a layer at 1 s each (1 request at 1/s): 3 layers fit in 5 h, so 10 layers take 4 jobs of 3, 3, 2 and 2.
        var model = new ModelInfo("ten-layers", "gelu", "synthetic", 10, 5000, 50_000, 0);
        var costs = new SizePlanCosts { RequestsPerSecond = 1, BuildSecondsPerNeuron = 0, SetupTime = TimeSpan.Zero };

        var matrix = SizePlanMatrix.Compute([model], costs, Budget);

        Assert.Equal(["0-2", "3-5", "6-7", "8-9"], matrix.Jobs.Select(j => j.Layers));
        Assert.Equal(TimeSpan.FromSeconds(15_000), matrix.Jobs[0].Time);
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)-(0|[1-9][0-9]*)$")]
    private static partial Regex LayerRange();
}
