using System.ComponentModel;
using System.Globalization;
using NeuroNav.Build.Verify;
using NeuroNav.Core;
using NeuroNav.Corpus;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class VerifySettings : CommandSettings
{
    [CommandOption("-d|--dir <DIR>")]
    [Description("The built site to check.")]
    [DefaultValue("output")]
    public string Output { get; init; } = "output";

    [CommandOption("-c|--corpus <DIR>")]
    [Description("The corpus it was built from; its stored neurons must all have documents. Skipped when the folder does not exist.")]
    [DefaultValue("corpus")]
    public string Corpus { get; init; } = "corpus";
}

[Description("Check a built site against its manifest and corpus: hashes, unlisted files, JSON schemas, links, missing neurons.")]
public sealed class VerifyCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<VerifySettings>
{
    private const int Shown = 100;

    public override async Task<int> ExecuteAsync(CommandContext context, VerifySettings settings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(settings.Output))
        {
            console.MarkupLineInterpolated($"[red]No site at {Path.GetFullPath(settings.Output)}[/]: run 'neuronav build' first.");
            return (int)ExitCode.BadArguments;
        }

        if (!File.Exists(Path.Combine(settings.Output, SiteManifestFormat.FileName)))
        {
            console.MarkupLineInterpolated($"[red]error:[/] --dir: {Path.GetFullPath(settings.Output)} has no {SiteManifestFormat.FileName}, so it is not a site 'neuronav build' wrote; give the folder of one");
            return (int)ExitCode.BadArguments;
        }

        var corpus = Directory.Exists(settings.Corpus) ? new CorpusStore(settings.Corpus) : null;
        if (corpus is null)
        {
            console.MarkupLineInterpolated($"[yellow]No corpus at {Path.GetFullPath(settings.Corpus)}[/]: stored neurons are not checked.");
        }

        var report = await new SiteVerifier(catalog, Modules.SourceModules.SectionsFor(corpus)).VerifyAsync(settings.Output, corpus, cancellationToken);
        var counts = string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Files:N0} files, {report.Documents:N0} JSON documents, {report.Pages:N0} pages with {report.Links:N0} links, {report.Neurons:N0} stored neurons");
        if (report.Ok)
        {
            console.MarkupLineInterpolated($"[green]{Path.GetFullPath(settings.Output)} is sound[/]: {counts} checked.");
            return (int)ExitCode.Success;
        }

        foreach (var problem in report.Problems.Take(Shown))
        {
            console.MarkupLineInterpolated($"[red]problem[/] {problem.ToString()}");
        }

        if (report.Problems.Count > Shown)
        {
            console.MarkupLineInterpolated($"… and {report.Problems.Count - Shown} more");
        }

        console.MarkupLineInterpolated($"[red]{report.Problems.Count} problem(s)[/] in {Path.GetFullPath(settings.Output)} ({counts} checked).");
        return (int)ExitCode.CompletedWithFailures;
    }
}
