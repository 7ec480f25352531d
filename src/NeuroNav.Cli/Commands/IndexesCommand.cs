using System.ComponentModel;
using System.Globalization;
using NeuroNav.Build;
using NeuroNav.Build.Html;
using NeuroNav.Build.Indexes;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Publish;
using Spectre.Console;
using Spectre.Console.Cli;
using static NeuroNav.Cli.CliText;

namespace NeuroNav.Cli.Commands;

public sealed class IndexesSettings : BucketSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder for the indexes (then 'neuronav publish --indexes').")]
    [DefaultValue("output")]
    public string Output { get; init; } = "output";

    [CommandOption("-c|--corpus <DIR>")]
    [Description("A corpus holding what the sources' model-wide searches read besides the layer indexes (the Neuron2Graph token store, table n2g_neuron_store); may be absent.")]
    [DefaultValue("corpus")]
    public string Corpus { get; init; } = "corpus";

    [CommandOption("--site-path <PATH>")]
    [Description("The URL path the site is served under, for the links of its 404.html: '/' (default), '/site/' for a bucket prefix.")]
    [DefaultValue("/")]
    public string SitePath { get; init; } = "/";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Bucket) ? ValidationResult.Error("--bucket is required")
        : !Build.Html.SiteUrlPath.IsValid(SitePath) ? ValidationResult.Error($"--site-path: '{SitePath}' must start and end with '/' and hold only letters, digits, '-', '_', '.' and '/'")
        : WritableFolder.Check("--out", Output);
}

[Description("Build the site-wide and model indexes from the layer indexes the partition jobs published to the bucket (no corpus download).")]
public sealed class IndexesCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<IndexesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, IndexesSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenStore();
        var site = await PublishedSite.OpenAsync(store, settings.Prefix ?? "", p => Published.LayerOf(p) is not null, cancellationToken);
        var layers = new SiteLayerIndexes(site.Paths, site.ReadAsync, site.Key);
        if (layers.Layers.Count == 0)
        {
            console.MarkupLineInterpolated($"[red]No layer index published under s3://{settings.Bucket}/{site.Prefix}[/]: no partition manifest under {site.Prefix}{SiteTrees.PartitionsFolder}/ lists one; run the partition jobs first.");
            return (int)ExitCode.BadArguments;
        }

        var corpus = new CorpusStore(settings.Corpus);
        var pages = ScribanPageRenderer.Load(AppPaths.Templates, AppPaths.Content, BuildRunner.Version, settings.SitePath);
        var builder = new SiteBuilder(corpus, catalog, pages, Modules.SourceModules.SectionsFor(corpus));
        Directory.CreateDirectory(settings.Output);
        using var writer = CorpusLock.Acquire(settings.Output, CliText.CommandLine(context));
        BuildReport? report = null;
        await console.Status().StartAsync("Reading the layer indexes", async ctx =>
        {
            var progress = new Progress<long>(n => ctx.Status(string.Create(CultureInfo.InvariantCulture, $"Reading the layer indexes: {n:N0} of {layers.Layers.Count:N0}")));
            report = await builder.BuildIndexesAsync(layers, settings.Output, progress, cancellationToken);
        });

        console.MarkupLineInterpolated(
            $"Indexes of {N(layers.Layers.Count)} published layer(s) written to {Path.GetFullPath(settings.Output)}: {N(report!.FilesWritten)} file(s) written, {N(report.FilesUnchanged)} unchanged, {N(report.FilesRemoved)} removed ({report.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s).");
        return (int)ExitCode.Success;
    }

}
