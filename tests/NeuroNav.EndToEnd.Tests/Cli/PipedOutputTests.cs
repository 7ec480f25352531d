using NeuroNav.Cli;
using NeuroNav.EndToEnd.Tests.Crash;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests.Cli;

/// <summary>Output that is not a terminal is not wrapped (or is as wide as COLUMNS): one message per line in logs and pipes.</summary>
public sealed class PipedOutputTests(SampleSite site) : IClassFixture<SampleSite>, IDisposable
{
    private static readonly string[] Deleted = ["api/gpt2-small/3/1.json", "api/gpt2-small/neuroscope/3/2.json", "gpt2-small/3/5.html"];

    private readonly TempDirectory _dir = new("neuronav-piped");

    /// <summary>A folder name long enough that any line naming it would wrap at 80 columns.</summary>
    private string LongFolder => _dir.Combine("a-site-folder-with-a-long-name-" + new string('x', 80));

    [Fact]
    public async Task Piped_verify_prints_one_line_per_problem()
    {
        var copy = DamagedCopy();

        var (code, output) = await CliProcess.RunAsync(new Dictionary<string, string?> { ["COLUMNS"] = null }, "verify", "--dir", copy, "--corpus", site.CorpusRoot);

        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var problems = lines.Where(l => l.StartsWith("problem ", StringComparison.Ordinal)).ToList();
        foreach (var path in Deleted)
        {
            Assert.Contains(problems, l => l.Contains($"{path}: listed in the manifest but missing", StringComparison.Ordinal));
        }

        var summary = Assert.Single(lines, l => l.Contains("problem(s)", StringComparison.Ordinal));
        Assert.StartsWith($"{problems.Count} problem(s) in {copy} (", summary, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.StartsWith("problem ", StringComparison.Ordinal) || l == summary || l.StartsWith("No corpus", StringComparison.Ordinal), $"a wrapped line: {l}"));
    }

    [Fact]
    public async Task Piped_output_is_as_wide_as_columns_says()
    {
        var copy = DamagedCopy();

        var (code, output) = await CliProcess.RunAsync(new Dictionary<string, string?> { ["COLUMNS"] = "100" }, "verify", "--dir", copy, "--corpus", site.CorpusRoot);

        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= 100, $"{l.Length} columns: {l}"));
        Assert.Contains(lines, l => l.Length > 80);
    }

    [Fact]
    public async Task Piped_build_keeps_its_serve_hint_on_one_line()
    {
        var (code, output) = await CliProcess.RunAsync(new Dictionary<string, string?> { ["COLUMNS"] = null }, "build", "--corpus", site.CorpusRoot, "--out", LongFolder);

        Assert.True(code == 0, output);
        Assert.Contains($"; look at it with: neuronav serve --dir {LongFolder}", output.Split('\n').Single(l => l.StartsWith("Site written to", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, OutputConsole.Unwrapped)]
    [InlineData("", OutputConsole.Unwrapped)]
    [InlineData("0", OutputConsole.Unwrapped)]
    [InlineData("wide", OutputConsole.Unwrapped)]
    [InlineData("132", 132)]
    public void Redirected_width_comes_from_columns_when_it_is_a_positive_number(string? columns, int width) =>
        Assert.Equal(width, OutputConsole.WidthOf(columns));

    public void Dispose() => _dir.Dispose();

    private string DamagedCopy()
    {
        var copy = LongFolder;
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(site.Output, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var path in Deleted)
        {
            File.Delete(Path.Combine(copy, path));
        }

        return copy;
    }
}
