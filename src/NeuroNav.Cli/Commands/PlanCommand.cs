using System.ComponentModel;
using System.Globalization;
using NeuroNav.Build;
using NeuroNav.Build.Html;
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
            var plan = await PlanAsync(corpus, catalog, profile, options, cancellationToken);
            Print(console, plan);
            fits &= plan.Violations().Count == 0;
        }

        return (int)(fits ? ExitCode.Success : ExitCode.CompletedWithFailures);
    }

    /// <summary>Plans the build and throws, before anything is written, when the profile's host would reject it.</summary>
    public static async Task CheckPlanAsync(IAnsiConsole console, ICorpusReader corpus, ModelCatalog catalog, BuildProfile profile, BuildOptions options, CancellationToken ct)
    {
        var plan = await PlanAsync(corpus, catalog, profile, options, ct);
        Print(console, plan);
        if (plan.Violations() is { Count: > 0 } problems)
        {
            throw new BuildException(string.Join("; ", problems) + "; nothing was built");
        }
    }

    public static Task<SizePlan> PlanAsync(ICorpusReader corpus, ModelCatalog catalog, BuildProfile profile, BuildOptions options, CancellationToken ct)
    {
        var pages = ScribanPageRenderer.Load(AppPaths.Templates, AppPaths.Content, BuildRunner.Version);
        return new SizePlanner(corpus, catalog, pages, CorpusSections.For(corpus)).PlanAsync(profile, options, ct);
    }

    private static void Print(IAnsiConsole console, SizePlan plan)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var table = new Table().Title($"Plan for profile '{plan.Profile.Name}': {Markup.Escape(plan.Profile.Description)}")
            .AddColumn("model").AddColumn(new TableColumn("layers").RightAligned()).AddColumn(new TableColumn("neurons").RightAligned())
            .AddColumn(new TableColumn("texts").RightAligned()).AddColumn(new TableColumn("files").RightAligned()).AddColumn(new TableColumn("bytes").RightAligned());
        foreach (var m in plan.Models)
        {
            table.AddRow(m.Model, N(m.Layers), N(m.Neurons), N(m.Texts), N(m.Files), N(m.Bytes));
        }

        table.AddRow("(site-wide)", "", "", "", N(plan.SiteFiles), N(plan.SiteBytes));
        table.AddRow("[bold]total[/]", "", N(plan.Models.Sum(m => m.Neurons)), N(plan.Models.Sum(m => m.Texts)), N(plan.Files), N(plan.Bytes));
        table.Caption($"largest folder: {Markup.Escape(plan.LargestDirectory)} ({N(plan.LargestDirectoryEntries)} entries)");
        console.Write(table);
        foreach (var problem in plan.Violations())
        {
            console.MarkupLineInterpolated($"[red]{problem}[/]");
        }
    }
}
