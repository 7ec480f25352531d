using System.Diagnostics;
using System.Globalization;
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

    [Fact]
    public async Task Rebuild_runs_the_matrix_a_first_job_computes_and_every_fetch_takes_its_share_of_the_budget()
    {
        var jobs = Jobs("rebuild.yml");
        var partition = jobs["partition"];
        var strategy = (YamlMappingNode)partition["strategy"];
        Assert.Contains("matrix", Needs(partition));
        Assert.Equal("${{ fromJSON(needs.matrix.outputs.matrix) }}", Scalar(strategy, "matrix"));
        Assert.Equal("${{ fromJSON(needs.matrix.outputs.max-parallel) }}", Scalar(strategy, "max-parallel"));

        // The first job's step runs 'neuronav matrix' into $GITHUB_OUTPUT, and the job exports what it wrote.
        var first = jobs["matrix"];
        var step = ((YamlSequenceNode)first["steps"]).Cast<YamlMappingNode>().Single(s => Scalar(s, "run")?.Contains("neuronav matrix", StringComparison.Ordinal) == true);
        var outputs = (YamlMappingNode)first["outputs"];
        foreach (var name in new[] { "matrix", "max-parallel", "fetch-jobs", "models" })
        {
            Assert.Equal($"${{{{ steps.{Scalar(step, "id")}.outputs.{name} }}}}", Scalar(outputs, name));
        }

        // Run that step's command line as the runner would, and read the outputs it wrote.
        using var dir = new TempDirectory("neuronav-workflow-matrix");
        var outputFile = dir.Combine("github_output");
        var args = Regex.Matches(Scalar(step, "run")!.Trim(), @"""[^""]*""|\S+").Select(m => m.Value.Trim('"')).Skip(1)
            .Select(a => a == "$GITHUB_OUTPUT" ? outputFile : a).ToArray();
        var (code, output) = await CliRun.RunAsync(args);
        Assert.True(code == 0, output);
        var written = File.ReadAllLines(outputFile).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.Equal(["matrix", "max-parallel", "fetch-jobs", "models"], written.Keys);
        Assert.Equal(25, System.Text.Json.JsonDocument.Parse(written["models"]).RootElement.GetArrayLength());
        using var matrix = System.Text.Json.JsonDocument.Parse(written["matrix"]);
        var include = matrix.RootElement.GetProperty("include").EnumerateArray().ToList();
        Assert.InRange(include.Count, 25, 256);
        Assert.All(include, e => Assert.Equal(["model", "layers"], e.EnumerateObject().Select(p => p.Name)));

        // Every job fetching Neuroscope at once gets a share: the partitions that run together, and every other fetching job.
        var fetching = jobs.Where(j => JobSteps(j.Value).Any(s => s.TryGetValue("run", out var r) && r.Contains("neuronav fetch neuroscope", StringComparison.Ordinal))).Select(j => j.Key).ToList();
        Assert.Contains("partition", fetching);
        Assert.True(int.Parse(written["fetch-jobs"], CultureInfo.InvariantCulture) >= int.Parse(written["max-parallel"], CultureInfo.InvariantCulture) + fetching.Count - 1, $"fetch-jobs {written["fetch-jobs"]} for {string.Join(", ", fetching)}");
        foreach (var name in fetching)
        {
            Assert.Contains("matrix", Needs(jobs[name]));
            Assert.Equal("${{ needs.matrix.outputs.fetch-jobs }}", Scalar((YamlMappingNode)jobs[name]["env"], "FETCH_JOBS"));
        }

        var fetches = Steps("rebuild.yml").SelectMany(s => Regex.Matches(s.GetValueOrDefault("run") ?? "", "neuronav fetch neuroscope[^\n]*").Select(m => m.Value)).ToList();
        Assert.NotEmpty(fetches);
        Assert.All(fetches, f => Assert.Contains("--jobs", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Rebuild_analyses_each_models_weights_once_and_each_partition_copies_its_layers()
    {
        var jobs = Jobs("rebuild.yml");
        var weights = jobs["weights"];
        Assert.Contains("matrix", Needs(weights));
        Assert.Equal("${{ fromJSON(needs.matrix.outputs.models) }}", Scalar((YamlMappingNode)((YamlMappingNode)weights["strategy"])["matrix"], "model"));
        var steps = JobSteps(weights).ToList();
        var compute = Assert.Single(steps, s => s.GetValueOrDefault("run")?.Contains("neuronav fetch weights", StringComparison.Ordinal) == true)["run"];
        Assert.Contains("--checkpoints", compute, StringComparison.Ordinal);
        Assert.DoesNotContain("--from", compute, StringComparison.Ordinal);
        Assert.Single(steps, s => s.GetValueOrDefault("uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);

        // The partition job waits for the weights jobs, still runs when one failed, and copies only its layers.
        var partition = jobs["partition"];
        Assert.Contains("weights", Needs(partition));
        Assert.Contains("!cancelled()", Scalar(partition, "if"), StringComparison.Ordinal);
        var psteps = JobSteps(partition).ToList();
        var download = Assert.Single(psteps, s => s.GetValueOrDefault("uses")?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("true", download["continue-on-error"]);
        var copy = Assert.Single(psteps, s => s.GetValueOrDefault("run")?.Contains("--from-corpus", StringComparison.Ordinal) == true);
        Assert.Equal($"steps.{download["id"]}.outcome == 'success'", copy["if"]);
        Assert.Contains("--layers \"$LAYERS\"", copy["run"], StringComparison.Ordinal);
        var build = psteps.FindIndex(s => s.GetValueOrDefault("run")?.Contains("neuronav partition", StringComparison.Ordinal) == true);
        Assert.True(psteps.IndexOf(copy) < build, "the weights are copied before the layers are built");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_action_is_official_and_pinned_to_a_commit(string workflow)
    {
        var uses = Steps(workflow).Select(s => s.TryGetValue("uses", out var u) ? u : null).OfType<string>().ToList();
        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Matches(@"^actions/(checkout|setup-dotnet|cache|upload-artifact|download-artifact|configure-pages|upload-pages-artifact|deploy-pages)@[0-9a-f]{40}$", u));
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

    private static IEnumerable<Dictionary<string, string>> Steps(string workflow) => Jobs(workflow).Values.SelectMany(JobSteps);

    /// <summary>The workflow's jobs by id.</summary>
    private static Dictionary<string, YamlMappingNode> Jobs(string workflow)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Repo.Path(".github", "workflows", workflow)))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return ((YamlMappingNode)root["jobs"]).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (YamlMappingNode)c.Value, StringComparer.Ordinal);
    }

    /// <summary>A job's steps, each as its scalar keys (name, run, uses, id, if).</summary>
    private static IEnumerable<Dictionary<string, string>> JobSteps(YamlMappingNode job) =>
        job.Children.TryGetValue("steps", out var steps)
            ? ((YamlSequenceNode)steps).Cast<YamlMappingNode>().Select(step => step.Children
                .Where(c => c.Value is YamlScalarNode)
                .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? "", StringComparer.Ordinal))
            : [];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>The jobs a job needs, whether given as one name or a list.</summary>
    private static List<string> Needs(YamlMappingNode job) =>
        !job.Children.TryGetValue("needs", out var needs) ? []
        : needs is YamlScalarNode one ? [one.Value!]
        : [.. ((YamlSequenceNode)needs).Cast<YamlScalarNode>().Select(n => n.Value!)];

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
