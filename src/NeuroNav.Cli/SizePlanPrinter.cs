using System.Globalization;
using NeuroNav.Build;
using NeuroNav.Build.Html;
using NeuroNav.Build.Profiles;
using NeuroNav.Core;
using NeuroNav.Corpus;
using Spectre.Console;
using static NeuroNav.Cli.CliText;

namespace NeuroNav.Cli;

/// <summary>The size planner of this installation (its templates and content), and a plan printed as a table with its problems.</summary>
internal static class SizePlanPrinter
{
    public static SizePlanner Planner(ICorpusReader corpus, ModelCatalog catalog) =>
        new(corpus, catalog, ScribanPageRenderer.Load(AppPaths.Templates, AppPaths.Content, BuildRunner.Version), Modules.SourceModules.SectionsFor(corpus));

    public static void Print(IAnsiConsole console, SizePlan plan)
    {
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

    /// <summary>The rebuild's jobs, one row each, with the budget they fit and what the whole rebuild costs.</summary>
    public static void Print(IAnsiConsole console, SizePlanMatrix matrix, double budget, int fetchers, int maxParallel)
    {
        var b = matrix.Budget;
        console.WriteLine(Inv($"Rebuild matrix: {matrix.Jobs.Count} jobs, each within {SizePlanMatrix.Gb(b.MaxDiskBytes)} of disk, {b.MaxTime.TotalHours:0.#} h and {SizePlanMatrix.Gb(b.MaxRssBytes)} of RSS"));
        var table = new Table()
            .AddColumn("model").AddColumn(new TableColumn("layers").RightAligned()).AddColumn(new TableColumn("neurons").RightAligned())
            .AddColumn(new TableColumn("peak disk").RightAligned()).AddColumn(new TableColumn("hours").RightAligned()).AddColumn(new TableColumn("peak RSS").RightAligned());
        foreach (var job in matrix.Jobs)
        {
            table.AddRow(job.Model, job.Layers, Inv($"{job.Neurons:N0}"), SizePlanMatrix.Gb(job.PeakDiskBytes), Inv($"{job.Time.TotalHours:0.00}"), SizePlanMatrix.Gb(job.PeakRssBytes));
        }

        var costs = matrix.Costs;
        var fetchHours = matrix.Neurons * costs.RequestsPerNeuron / budget / 3600;
        var waves = Math.Max(matrix.JobTime.TotalHours / maxParallel, matrix.Jobs.Count == 0 ? 0 : matrix.Jobs.Max(j => j.Time.TotalHours));
        console.Write(table);
        console.WriteLine(Inv($"{matrix.Neurons:N0} neurons in {matrix.Jobs.Count} jobs: {matrix.JobTime.TotalHours:N0} job-hours, about {waves:N0} h with {maxParallel} at once."));
        console.WriteLine(Inv($"Politeness: {budget:0.###} requests/s to the source in all, {costs.RequestsPerSecond:0.###}/s for each of {fetchers} jobs fetching at once; ") +
            Inv($"fetching every neuron takes {fetchHours:N0} h at that budget (the first rebuild, or --refresh); a rebuild that finds them stored fetches only what is missing."));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
