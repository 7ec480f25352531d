using System.Text.Json;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests.Cli;

/// <summary><c>neuronav matrix</c>: the rebuild's jobs as GitHub's matrix, and a one-line error when a layer cannot fit.</summary>
public sealed class MatrixCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-matrix");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Json_prints_only_the_matrix_on_one_line_every_layer_of_the_catalog_in_a_job()
    {
        var (code, output) = await CliRun.RunAsync("matrix", "--json");

        Assert.True(code == 0, output);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var doc = JsonDocument.Parse(line);
        var jobs = doc.RootElement.GetProperty("include").EnumerateArray()
            .Select(e => (Model: e.GetProperty("model").GetString()!, Layers: e.GetProperty("layers").GetString()!.Split('-').Select(int.Parse).ToArray())).ToList();
        Assert.InRange(jobs.Count, 25, 256);
        foreach (var model in SampleMirrorServer.Catalog.Models)
        {
            Assert.Equal(Enumerable.Range(0, model.Layers), jobs.Where(j => j.Model == model.Id).SelectMany(j => Enumerable.Range(j.Layers[0], j.Layers[1] - j.Layers[0] + 1)));
        }
    }

    [Fact]
    public async Task The_table_names_each_job_and_the_politeness_share()
    {
        var (code, output) = await CliRun.RunAsync("matrix", "--model", "gpt2-xl", "--max-parallel", "8", "--fetch-jobs", "9");

        Assert.True(code == 0, output);
        Assert.Contains("Rebuild matrix: 48 jobs, each within 10 GB of disk, 5 h and 8 GB of RSS", output, StringComparison.Ordinal);
        Assert.Contains("307,200 neurons in 48 jobs", output, StringComparison.Ordinal);
        Assert.Contains("Politeness: 4 requests/s to the source in all, 0.444/s for each of 9 jobs fetching at once", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_layer_that_cannot_fit_fails_naming_the_model_the_layer_and_the_budget_and_writes_no_output()
    {
        var outputs = _dir.Combine("github_output");

        var (code, output) = await CliRun.RunAsync("matrix", "--rps", "1", "--github-output", outputs);

        Assert.Equal((int)ExitCode.CompletedWithFailures, code);
        Assert.Contains("error: gpt2-xl layer 0 (6,400 neurons) does not fit one job: it takes 14.6 h, over the budget of 5 h", output, StringComparison.Ordinal);
        Assert.False(File.Exists(outputs));
    }

    [Fact]
    public async Task Github_output_gets_the_matrix_and_the_shares_for_the_workflow()
    {
        var outputs = _dir.Combine("github_output");
        await File.WriteAllTextAsync(outputs, "earlier=kept\n");

        var (code, output) = await CliRun.RunAsync("matrix", "--model", "solu-1l", "--max-parallel", "3", "--fetch-jobs", "4", "--github-output", outputs);

        Assert.True(code == 0, output);
        Assert.Equal(
            ["earlier=kept", """matrix={"include":[{"model":"solu-1l","layers":"0-0"}]}""", "max-parallel=3", "fetch-jobs=4", """models=["solu-1l"]"""],
            await File.ReadAllLinesAsync(outputs));
    }

    [Theory]
    [InlineData(new[] { "--max-parallel", "8", "--fetch-jobs", "4" }, "--fetch-jobs (4) must count at least the --max-parallel (8) partition jobs")]
    [InlineData(new[] { "--rps", "0" }, "--rps must be a positive number")]
    [InlineData(new[] { "--output-kb-per-neuron", "-1" }, "--output-kb-per-neuron, --corpus-kb-per-neuron and --rss-kb-per-neuron must be positive")]
    [InlineData(new[] { "--model", "gpt5" }, "gpt5")]
    public async Task Bad_inputs_are_refused_naming_the_option(string[] args, string says)
    {
        var (code, output) = await CliRun.RunAsync(["matrix", .. args]);

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains(says, output, StringComparison.Ordinal);
    }
}
