using System.ComponentModel;
using NeuroNav.Build;
using NeuroNav.Build.Profiles;
using NeuroNav.Core;
using NeuroNav.Corpus;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class PlanSettings : CommandSettings
{
    [CommandOption("-c|--corpus <DIR>")]
    [Description("Corpus folder to read.")]
    [DefaultValue("corpus")]
    public string Corpus { get; init; } = "corpus";

    [CommandOption("-m|--model <MODEL>")]
    [Description("Plan only these models (repeatable). Default: the profile's models, else every model the corpus holds.")]
    public string[] Models { get; init; } = [];

    [CommandOption("-l|--layers <FIRST-LAST>")]
    [Description("Plan only this layer range, e.g. 0-11.")]
    public string? Layers { get; init; }

    [CommandOption("--profile <NAME>")]
    [Description("Plan for this profile only (repeatable). Default: every profile.")]
    public string[] Profiles { get; init; } = [];
}

[Description("Predict the files and bytes of a build, per model and per profile, before running it.")]
public sealed class PlanCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<PlanSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        var corpus = new CorpusStore(settings.Corpus);
        if (!Directory.Exists(corpus.Root))
        {
            console.MarkupLineInterpolated($"[red]No corpus at {corpus.Root}[/]: run 'neuronav scrape' first.");
            return (int)ExitCode.BadArguments;
        }

        var options = new BuildSettings { Corpus = settings.Corpus, Models = settings.Models, Layers = settings.Layers }.ToOptions(catalog);
        BuildScope.Check(corpus.Root, corpus.Partitions(), options, settings.Models);
        var profiles = settings.Profiles.Length == 0 ? BuildProfile.All : [.. settings.Profiles.Select(BuildProfile.Named)];
        var fits = true;
        foreach (var profile in profiles)
        {
            var plan = await SizePlanPrinter.Planner(corpus, catalog).PlanAsync(profile, options, cancellationToken);
            SizePlanPrinter.Print(console, plan);
            fits &= plan.Violations().Count == 0;
        }

        return (int)(fits ? ExitCode.Success : ExitCode.CompletedWithFailures);
    }
}
