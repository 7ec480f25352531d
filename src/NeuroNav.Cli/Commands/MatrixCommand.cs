using System.ComponentModel;
using System.Globalization;
using NeuroNav.Build.Profiles;
using NeuroNav.Core;
using NeuroNav.Fetch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class MatrixSettings : CommandSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("Split only these models (repeatable). Default: all 25 of the catalog.")]
    public string[] Models { get; init; } = [];

    [CommandOption("--max-parallel <N>")]
    [Description("Partition jobs that run at once (the workflow's strategy.max-parallel).")]
    [DefaultValue(8)]
    public int MaxParallel { get; init; } = 8;

    [CommandOption("--fetch-jobs <N>")]
    [Description("Jobs fetching Neuroscope at once, each taking 1/N of --rps: the partition jobs and any other (the rebuild's Pages job). Default: --max-parallel.")]
    public int? FetchJobs { get; init; }

    [CommandOption("--rps <N>")]
    [Description("Neuroscope's politeness budget: requests per second in all, shared by the --fetch-jobs. Default: fetch's (4).")]
    public double? RequestsPerSecond { get; init; }

    [CommandOption("--requests-per-neuron <N>")]
    [Description("Requests to the source per neuron fetched (Neuroscope: one page; more to allow for retries).")]
    [DefaultValue(SizePlanCosts.Bench.Requests)]
    public double RequestsPerNeuron { get; init; } = SizePlanCosts.Bench.Requests;

    [CommandOption("--output-kb-per-neuron <KB>")]
    [Description("Kilobytes the build writes per neuron (neuronav bench, profile full, compressed: 229).")]
    [DefaultValue(SizePlanCosts.Bench.OutputKb)]
    public double OutputKbPerNeuron { get; init; } = SizePlanCosts.Bench.OutputKb;

    [CommandOption("--corpus-kb-per-neuron <KB>")]
    [Description("Corpus kilobytes per neuron (neuronav bench: 93).")]
    [DefaultValue(SizePlanCosts.Bench.CorpusKb)]
    public double CorpusKbPerNeuron { get; init; } = SizePlanCosts.Bench.CorpusKb;

    [CommandOption("--rss-kb-per-neuron <KB>")]
    [Description("Peak memory per neuron of the layer being built (neuronav rehearse: 819 to 901 MB for 2,400-neuron layers, runtime included: 350).")]
    [DefaultValue(SizePlanCosts.Bench.RssKb)]
    public double RssKbPerNeuron { get; init; } = SizePlanCosts.Bench.RssKb;

    [CommandOption("--build-seconds-per-neuron <S>")]
    [Description("Wall seconds per neuron to build, compress and publish it on a runner (neuronav rehearse on 2 cores: 0.048).")]
    [DefaultValue(SizePlanCosts.Bench.BuildSeconds)]
    public double BuildSecondsPerNeuron { get; init; } = SizePlanCosts.Bench.BuildSeconds;

    [CommandOption("--setup-minutes <M>")]
    [Description("A job's fixed time before its first neuron: runner, checkout, SDK, install, corpus restore.")]
    [DefaultValue(SizePlanCosts.Bench.SetupMinutes)]
    public double SetupMinutes { get; init; } = SizePlanCosts.Bench.SetupMinutes;

    [CommandOption("--json")]
    [Description("Print only the matrix JSON (one line), for a pipe.")]
    public bool Json { get; init; }

    [CommandOption("--github-output <FILE>")]
    [Description("Also append matrix=<json>, max-parallel=<n>, fetch-jobs=<n> and models=<json array of the model ids> to this file (a step's $GITHUB_OUTPUT).")]
    public string? GitHubOutput { get; init; }

    /// <summary>The jobs fetching the source at once.</summary>
    public int Fetchers => FetchJobs ?? MaxParallel;

    /// <summary>The source's total request rate.</summary>
    public double Budget => RequestsPerSecond ?? FetchSources.Neuroscope.RateBudget;

    public override ValidationResult Validate()
    {
        double[] sizes = [OutputKbPerNeuron, CorpusKbPerNeuron, RssKbPerNeuron];
        return MaxParallel < 1 || Fetchers < 1 ? ValidationResult.Error("--max-parallel and --fetch-jobs must be positive")
            : Fetchers < MaxParallel ? ValidationResult.Error($"--fetch-jobs ({Fetchers}) must count at least the --max-parallel ({MaxParallel}) partition jobs, which all fetch")
            : !(Budget > 0) || double.IsInfinity(Budget) ? ValidationResult.Error("--rps must be a positive number")
            : sizes.Any(s => !(s > 0)) ? ValidationResult.Error("--output-kb-per-neuron, --corpus-kb-per-neuron and --rss-kb-per-neuron must be positive")
            : !(RequestsPerNeuron >= 0) || !(BuildSecondsPerNeuron >= 0) || !(SetupMinutes >= 0)
                ? ValidationResult.Error("--requests-per-neuron, --build-seconds-per-neuron and --setup-minutes must not be negative")
            : Json && GitHubOutput is not null ? ValidationResult.Error("give --json or --github-output, not both")
            : GitHubOutput is not null && Directory.Exists(GitHubOutput) ? ValidationResult.Error($"--github-output: {Path.GetFullPath(GitHubOutput)} is a folder; give a file")
            : ValidationResult.Success();
    }

    /// <summary>The measured costs these options give, with this job's share of the request rate.</summary>
    public SizePlanCosts ToCosts() => new()
    {
        OutputBytesPerNeuron = (long)Math.Round(OutputKbPerNeuron * 1000),
        CorpusBytesPerNeuron = (long)Math.Round(CorpusKbPerNeuron * 1000),
        RssBytesPerLayerNeuron = (long)Math.Round(RssKbPerNeuron * 1000),
        BuildSecondsPerNeuron = BuildSecondsPerNeuron,
        RequestsPerNeuron = RequestsPerNeuron,
        RequestsPerSecond = Budget / Fetchers,
        SetupTime = TimeSpan.FromMinutes(SetupMinutes),
    };
}

[Description("Split the rebuild into jobs that each fit a hosted runner (peak disk 10 GB, 5 h, 8 GB RSS; at most 256 jobs), from the catalog and the measured cost of a neuron: the workflow's matrix.")]
public sealed class MatrixCommand(IAnsiConsole console, ModelCatalog catalog) : Command<MatrixSettings>
{
    public override int Execute(CommandContext context, MatrixSettings settings, CancellationToken cancellationToken)
    {
        var models = settings.Models.Length == 0 ? catalog.Models : [.. settings.Models.Distinct(StringComparer.Ordinal).Select(m => catalog[m])];
        var matrix = SizePlanMatrix.Compute(models, settings.ToCosts(), new SizePlanBudget());
        if (!settings.Json)
        {
            SizePlanPrinter.Print(console, matrix, settings.Budget, settings.Fetchers, settings.MaxParallel);
        }

        foreach (var problem in matrix.Violations)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {problem}");
        }

        if (matrix.Violations.Count > 0)
        {
            return (int)ExitCode.CompletedWithFailures;
        }

        var json = matrix.ToGitHubJson();
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(json);
        }

        if (settings.GitHubOutput is { } file)
        {
            // models: the per-model jobs (the weights analysis) run over the same models as the partitions.
            File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture, $"matrix={json}\nmax-parallel={settings.MaxParallel}\nfetch-jobs={settings.Fetchers}\nmodels={matrix.ModelsJson()}\n"));
        }

        return (int)ExitCode.Success;
    }
}
