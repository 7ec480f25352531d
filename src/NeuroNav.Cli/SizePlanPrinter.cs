using System.Globalization;
using NeuroNav.Build;
using NeuroNav.Build.Html;
using NeuroNav.Build.Profiles;
using NeuroNav.Core;
using NeuroNav.Corpus;
using Spectre.Console;

namespace NeuroNav.Cli;

/// <summary>The size planner of this installation (its templates and content), and a plan printed as a table with its problems.</summary>
internal static class SizePlanPrinter
{
    public static SizePlanner Planner(ICorpusReader corpus, ModelCatalog catalog) =>
        new(corpus, catalog, ScribanPageRenderer.Load(AppPaths.Templates, AppPaths.Content, BuildRunner.Version), Modules.SourceModules.SectionsFor(corpus));

    public static void Print(IAnsiConsole console, SizePlan plan)
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
