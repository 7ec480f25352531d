using System.ComponentModel;
using NeuroNav.Build;
using NeuroNav.Build.Profiles;
using NeuroNav.Core;
using NeuroNav.Corpus;
using Spectre.Console;
using Spectre.Console.Cli;
using static NeuroNav.Cli.CliText;

namespace NeuroNav.Cli.Commands;

public sealed class BuildSettings : CommandSettings
{
    [CommandOption("-c|--corpus <DIR>")]
    [Description("Corpus folder to read.")]
    [DefaultValue("corpus")]
    public string Corpus { get; init; } = "corpus";

    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (the static site).")]
    [DefaultValue("output")]
    public string Output { get; init; } = "output";

    [CommandOption("-m|--model <MODEL>")]
    [Description("Build only these models (repeatable). Default: every model the corpus holds.")]
    public string[] Models { get; init; } = [];

    [CommandOption("-l|--layers <FIRST-LAST>")]
    [Description("Build only this layer range, e.g. 0-11.")]
    public string? Layers { get; init; }

    [CommandOption("-j|--parallelism <N>")]
    [Description("Neurons rendered at once.")]
    [DefaultValue(2)]
    public int Parallelism { get; init; } = 2;

    [CommandOption("--indexes-only")]
    [Description("Write only the site-wide and model indexes, reading layers for their summaries (a partitioned rebuild's final job).")]
    public bool IndexesOnly { get; init; }

    [CommandOption("--profile <NAME>")]
    [Description("Build for a host: 'pages' (GitHub Pages: toy models, trimmed, < 1 GB, checked) or 'full' (object storage). See 'neuronav plan'.")]
    public string? Profile { get; init; }

    [CommandOption("--site-path <PATH>")]
    [Description("The URL path the site is served under, for the links of its 404.html (a host serves that page at any depth): '/' (default), '/site/' for a bucket prefix, '/<repo>/' for a GitHub Pages project site.")]
    [DefaultValue("/")]
    public string SitePath { get; init; } = "/";

    [CommandOption("--allow-shrink")]
    [Description("Remove from the site whatever neurons the corpus no longer holds, however many (otherwise a build that would remove more than --max-shrink of a model's neuron documents stops before writing).")]
    public bool AllowShrink { get; init; }

    [CommandOption("--max-shrink <PERCENT>")]
    [Description("The share of a model's existing neuron documents a build may remove without --allow-shrink.")]
    [DefaultValue(1.0)]
    public double MaxShrinkPercent { get; init; } = 1.0;

    public override ValidationResult Validate() =>
        Parallelism < 1 ? ValidationResult.Error("--parallelism must be at least 1")
        : MaxShrinkPercent is < 0 or > 100 || double.IsNaN(MaxShrinkPercent) ? ValidationResult.Error("--max-shrink must be a percentage from 0 to 100")
        : !Build.Html.SiteUrlPath.IsValid(SitePath) ? ValidationResult.Error($"--site-path: '{SitePath}' must start and end with '/' and hold only letters, digits, '-', '_', '.' and '/'")
        : WritableFolder.Check("--out", Output);

    public BuildOptions ToOptions(ModelCatalog catalog)
    {
        foreach (var m in Models)
        {
            _ = catalog[m];
        }

        int? first = null, last = null;
        if (Layers is not null)
        {
            var ranges = IntRanges.Parse(Layers, "--layers");
            if (ranges.Count != 1)
            {
                throw new ArgumentException("--layers: give one range FIRST-LAST");
            }

            (first, last) = (ranges[0].Start, ranges[0].End - 1);
            foreach (var model in Models.Select(m => catalog[m]).Where(m => last >= m.Layers))
            {
                throw new ArgumentException($"--layers: {model.Id} has layers 0-{model.Layers - 1}");
            }
        }

        return IndexesOnly
            ? new BuildOptions(Output, Models, int.MaxValue, int.MaxValue, Parallelism)
            : new BuildOptions(Output, Models, first, last, Parallelism, MaxShrinkPercent / 100, AllowShrink);
    }
}

[Description("Build the static site (JSON API, HTML, manifest) from the corpus alone.")]
public sealed class BuildCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<BuildSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BuildSettings settings, CancellationToken cancellationToken)
    {
        var corpus = new CorpusStore(settings.Corpus);
        if (!Directory.Exists(corpus.Root))
        {
            console.MarkupLineInterpolated($"[red]No corpus at {corpus.Root}[/]: run 'neuronav scrape' first.");
            return (int)ExitCode.BadArguments;
        }

        var profile = settings.Profile is null ? null : BuildProfile.Named(settings.Profile);
        var options = profile?.Apply(settings.ToOptions(catalog)) ?? settings.ToOptions(catalog);
        BuildScope.Check(corpus.Root, corpus.Partitions(), options, settings.Models);
        using var writer = CorpusLock.Acquire(settings.Output, CliText.CommandLine(context));
        if (profile is not null)
        {
            await PlanCheck.CheckAsync(SizePlanPrinter.Planner(corpus, catalog), profile, options, new Printed<SizePlan>(p => SizePlanPrinter.Print(console, p)), cancellationToken);
        }

        await BuildRunner.RunAsync(console, profile is null ? corpus : TrimmedCorpus.For(corpus, profile), catalog, options, cancellationToken, settings.SitePath);
        profile.CheckOutput(options.OutputDirectory);
        console.MarkupLineInterpolated($"Site written to [link]{Path.GetFullPath(settings.Output)}[/]; look at it with: neuronav serve --dir {settings.Output}");
        return (int)ExitCode.Success;
    }
}
