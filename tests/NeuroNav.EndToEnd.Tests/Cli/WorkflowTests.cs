using System.Diagnostics;
using System.Text.RegularExpressions;
using NeuroNav.Cli;
using NeuroNav.TestKit;
using Spectre.Console.Testing;
using YamlDotNet.RepresentationModel;

namespace NeuroNav.EndToEnd.Tests.Cli;

/// <summary>The GitHub Actions workflows: every neuronav command they run exists with its options, actions are official and pinned.</summary>
public sealed partial class WorkflowTests
{
    public static TheoryData<string> Workflows() => [.. WorkflowFiles()];

    private static IEnumerable<string> WorkflowFiles() =>
        Directory.GetFiles(Repo.Path(".github", "workflows"), "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Workflows))]
    public async Task Every_neuronav_command_a_workflow_runs_exists_with_its_options(string workflow)
    {
        var commands = NeuronavCommands(workflow);
        var readme = await File.ReadAllTextAsync(Repo.Path("README.md"));
        foreach (var (verb, options) in commands)
        {
            var console = new TestConsole().Width(250);
            var code = await NeuroNavApp.RunAsync([verb, "--help"], console);
            Assert.True(code == 0, $"{workflow}: 'neuronav {verb}' is not a command: {console.Output}");
            foreach (var option in options)
            {
                Assert.True(Regex.IsMatch(console.Output, $@"(^|[\s,|]){Regex.Escape(option)}([\s,<]|$)", RegexOptions.Multiline), $"{workflow}: 'neuronav {verb}' has no option {option}");
            }

            Assert.Contains($"neuronav {verb}", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ci_runs_restore_build_format_check_and_the_readme_test_command()
    {
        var runs = Steps("ci.yml").Select(s => s.TryGetValue("run", out var r) ? r : "").ToList();
        var readme = await File.ReadAllTextAsync(Repo.Path("README.md"));
        var testCommand = Regex.Match(readme, @"^dotnet test [^\n#]*?(?=\s*(#|$))", RegexOptions.Multiline).Value;

        Assert.Equal("dotnet test NeuroNav.sln -c Release", testCommand);
        Assert.Contains(runs, r => r.Trim() == testCommand);
        Assert.Contains(runs, r => r.StartsWith("dotnet restore", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith("dotnet build", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith("dotnet format", StringComparison.Ordinal) && r.Contains("--verify-no-changes", StringComparison.Ordinal));
    }

    [Fact]
    public void Rebuild_runs_each_stage_the_readme_documents()
    {
        var verbs = NeuronavCommands("rebuild.yml").Select(c => c.Verb).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["fetch", "compact", "plan", "build", "partition", "indexes", "publish"], StringComparer.Ordinal), verbs);
        Assert.Contains(NeuronavCommands("rebuild.yml"), c => c.Verb == "build" && c.Options.Contains("--profile") && c.Options.Contains("--indexes-only") is false);
        Assert.Contains(NeuronavCommands("rebuild.yml"), c => c.Verb == "partition" && c.Options.Contains("--bucket") && c.Options.Contains("--corpus"));
        Assert.Contains(NeuronavCommands("rebuild.yml"), c => c.Verb == "partition" && !c.Options.Contains("--bucket"));
        Assert.Contains(NeuronavCommands("rebuild.yml"), c => c.Verb == "indexes" && c.Options.Contains("--bucket"));
        Assert.DoesNotContain(NeuronavCommands("rebuild.yml"), c => c.Options.Contains("--indexes-only"));
        Assert.Contains(NeuronavCommands("rebuild.yml"), c => c.Verb == "publish" && c.Options.Contains("--indexes"));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_action_is_official_and_pinned_to_a_commit(string workflow)
    {
        var uses = Steps(workflow).Select(s => s.TryGetValue("uses", out var u) ? u : null).OfType<string>().ToList();
        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Matches(@"^actions/(checkout|setup-dotnet|cache|configure-pages|upload-pages-artifact|deploy-pages)@[0-9a-f]{40}$", u));
    }

    [SkippableValidatorFact]
    public void Workflows_pass_action_validator()
    {
        foreach (var workflow in WorkflowFiles())
        {
            var start = new ProcessStartInfo(SkippableValidatorFactAttribute.Executable!, [Repo.Path(".github", "workflows", workflow)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{workflow}: {output}");
        }
    }

    /// <summary>Each <c>neuronav VERB --option ...</c> of the workflow's run scripts, with the options it passes.</summary>
    private static List<(string Verb, List<string> Options)> NeuronavCommands(string workflow)
    {
        var commands = new List<(string, List<string>)>();
        foreach (var step in Steps(workflow))
        {
            if (!step.TryGetValue("run", out var run))
            {
                continue;
            }

            foreach (Match m in Command().Matches(run.Replace("\\\n", " ", StringComparison.Ordinal)))
            {
                var options = Regex.Matches(m.Groups["args"].Value, @"(?<=^|\s)--?[A-Za-z][A-Za-z-]*").Select(o => o.Value).ToList();
                commands.Add((m.Groups["verb"].Value, options));
            }
        }

        return commands;
    }

    private static IEnumerable<Dictionary<string, string>> Steps(string workflow)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Repo.Path(".github", "workflows", workflow)))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (var job in ((YamlMappingNode)root["jobs"]).Children.Values.Cast<YamlMappingNode>())
        {
            if (!job.Children.TryGetValue("steps", out var steps))
            {
                continue;
            }

            foreach (var step in ((YamlSequenceNode)steps).Cast<YamlMappingNode>())
            {
                yield return step.Children
                    .Where(c => c.Value is YamlScalarNode)
                    .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? "", StringComparer.Ordinal);
            }
        }
    }

    [GeneratedRegex(@"(?<![\w/.-])neuronav\s+(?<verb>[a-z]+)(?<args>[^\n;|&]*)")]
    private static partial Regex Command();
}

/// <summary>Runs when the action-validator CLI is installed (<c>npm install -g @action-validator/cli</c>); skipped otherwise.</summary>
public sealed class SkippableValidatorFactAttribute : FactAttribute
{
    public static readonly string? Executable = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, "action-validator"))
        .FirstOrDefault(File.Exists);

    public SkippableValidatorFactAttribute()
    {
        if (Executable is null)
        {
            Skip = "action-validator is not on PATH (npm install -g @action-validator/cli@0.6.0)";
        }
    }
}
