using System.Globalization;
using NeuroNav.Build;
using NeuroNav.Build.Html;
using NeuroNav.Core;
using NeuroNav.Corpus;
using Spectre.Console;

namespace NeuroNav.Cli;

/// <summary>Builds the site from the corpus with a live counter and prints what was written.</summary>
public static class BuildRunner
{
    public static string Version => typeof(BuildRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static async Task<BuildReport> RunAsync(IAnsiConsole console, ICorpusReader corpus, ModelCatalog catalog, BuildOptions options, CancellationToken ct, string sitePath = "/")
    {
        var pages = ScribanPageRenderer.Load(AppPaths.Templates, AppPaths.Content, Version, sitePath);
        var builder = new SiteBuilder(corpus, catalog, pages, Modules.SourceModules.SectionsFor(corpus));
        BuildReport? report = null;
        await console.Status().StartAsync("Building", async ctx =>
        {
            var progress = new Progress<long>(n => ctx.Status(string.Create(CultureInfo.InvariantCulture, $"Building: {n:N0} neurons")));
            report = await builder.BuildAsync(options, progress, ct);
        });

        var table = new Table().Title("Build summary").AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        void Row(string name, long n) => table.AddRow(name, n.ToString("N0", CultureInfo.InvariantCulture));
        Row("neurons", report!.Neurons);
        Row("files written", report.FilesWritten);
        Row("files unchanged (not rewritten)", report.FilesUnchanged);
        Row("files removed", report.FilesRemoved);
        Row("bytes written", report.BytesWritten);
        table.AddRow("elapsed", report.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        table.AddRow("neurons/s", (report.Neurons / Math.Max(0.001, report.Elapsed.TotalSeconds)).ToString("F0", CultureInfo.InvariantCulture));
        console.Write(table);
        return report;
    }
}
