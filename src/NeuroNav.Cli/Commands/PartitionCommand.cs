using System.ComponentModel;
using System.Globalization;
using NeuroNav.Build;
using NeuroNav.Build.Html;
using NeuroNav.Build.Profiles;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Publish;
using Spectre.Console;
using Spectre.Console.Cli;
using static NeuroNav.Cli.CliText;

namespace NeuroNav.Cli.Commands;

public sealed class PartitionSettings : BucketSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("The model of the partition.")]
    public string? Model { get; init; }

    [CommandOption("-l|--layers <FIRST-LAST>")]
    [Description("The partition's layer range, e.g. 12-23.")]
    public string? Layers { get; init; }

    [CommandOption("-c|--corpus <DIR>")]
    [Description("The partition's corpus (published with each layer when --bucket is given).")]
    [DefaultValue("corpus")]
    public string Corpus { get; init; } = "corpus";

    [CommandOption("-w|--work <DIR>")]
    [Description("Working folder: each layer is built into <DIR>/layer, published, then deleted before the next.")]
    [DefaultValue("work")]
    public string Work { get; init; } = "work";

    [CommandOption("-j|--parallelism <N>")]
    [Description("Neurons rendered at once.")]
    [DefaultValue(2)]
    public int Parallelism { get; init; } = 2;

    [CommandOption("--max-deletes <N>")]
    [Description("Refuse to publish a layer that would delete more objects than this (nothing of that layer is changed).")]
    [DefaultValue(1000)]
    public int MaxDeletes { get; init; } = 1000;

    [CommandOption("--uploads <N>")]
    [Description("Uploads in flight at once.")]
    [DefaultValue(8)]
    public int Uploads { get; init; } = 8;

    [CommandOption("--public-url <URL>")]
    [Description("The site's public URL, to write absolute URLs into the corpus manifests.")]
    public string? PublicUrl { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Model) ? ValidationResult.Error("--model is required")
        : string.IsNullOrWhiteSpace(Layers) ? ValidationResult.Error("--layers is required (FIRST-LAST)")
        : Parallelism < 1 || Uploads < 1 || MaxDeletes < 0 ? ValidationResult.Error("--parallelism and --uploads must be at least 1, --max-deletes at least 0")
        : Bucket is null && (Prefix ?? Endpoint ?? Region ?? PublicUrl) is not null ? ValidationResult.Error("--prefix, --endpoint, --region and --public-url go with --bucket")
        : WritableFolder.Check("--work", Work);

    /// <summary>The model and its layer range; throws <see cref="ArgumentException"/> naming the option.</summary>
    public (ModelInfo Model, int First, int Last) Range(ModelCatalog catalog)
    {
        var model = catalog[Model!];
        var ranges = IntRanges.Parse(Layers!, "--layers");
        if (ranges.Count != 1)
        {
            throw new ArgumentException("--layers: give one range FIRST-LAST");
        }

        var (first, last) = (ranges[0].Start, ranges[0].End - 1);
        return last >= model.Layers
            ? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--layers: {model.Id} has layers 0-{model.Layers - 1}"))
            : (model, first, last);
    }
}

[Description("One job of a partitioned rebuild with bounded disk: build each layer of the range alone, publish it (files and corpus), delete it, next layer.")]
public sealed class PartitionCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<PartitionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PartitionSettings settings, CancellationToken cancellationToken)
    {
        var (model, first, last) = settings.Range(catalog);
        var corpus = new CorpusStore(settings.Corpus);
        if (!Directory.Exists(corpus.Root))
        {
            console.MarkupLineInterpolated($"[red]No corpus at {corpus.Root}[/]: fetch the partition first, e.g. 'neuronav fetch neuroscope --model {model.Id} --layers {settings.Layers}'.");
            return (int)ExitCode.BadArguments;
        }

        var range = BuildProfile.Full.Apply(new BuildOptions(settings.Work, [model.Id], first, last, settings.Parallelism) { LayersOnly = true });
        BuildScope.Check(corpus.Root, corpus.Partitions(), range, [model.Id]);
        Directory.CreateDirectory(settings.Work);
        using var workLock = CorpusLock.Acquire(settings.Work, CliText.CommandLine(context));
        await PlanCheck.CheckAsync(SizePlanPrinter.Planner(corpus, catalog), BuildProfile.Full, range, new Printed<SizePlan>(p => SizePlanPrinter.Print(console, p)), cancellationToken);

        var pages = ScribanPageRenderer.Load(AppPaths.Templates, AppPaths.Content, BuildRunner.Version);
        async Task BuildLayerAsync(int layer, string folder, CancellationToken ct)
        {
            var builder = new SiteBuilder(corpus, catalog, pages, Modules.SourceModules.SectionsFor(corpus));
            await builder.BuildAsync(range with { OutputDirectory = folder, FirstLayer = layer, LastLayer = layer }, null, ct);
            BuildProfile.Full.CheckOutput(folder);
        }

        using var store = settings.Bucket is null ? null : settings.OpenStore();
        var target = store is null ? null : new PartitionTarget(store, settings.Prefix ?? "", new PublishOptions(settings.MaxDeletes, settings.Uploads), PublicUrl(settings.PublicUrl));
        var job = new PartitionJob(model.Id, first, last, settings.Work, target is null ? null : corpus.Root, target);
        var where = target is null ? "nothing is published (no --bucket)" : $"publishing to s3://{settings.Bucket}/{target.Prefix}";
        console.MarkupLineInterpolated($"Partition {job}: one layer at a time in {job.LayerDirectory}; {where}.");
        var result = await PartitionFlow.RunAsync(job, BuildLayerAsync, new PartitionStepPrinter(console), cancellationToken);
        console.MarkupLineInterpolated(
            $"Partition {job} done: {N(result.Built.Count)} layer(s), largest layer output {N(result.PeakLayerBytes)} bytes; uploaded {N(result.FilesUploaded)} file(s), {N(result.BytesUploaded)} bytes; deleted {N(result.ObjectsDeleted)}.");
        return (int)ExitCode.Success;
    }

    private static Uri? PublicUrl(string? url) => url is null ? null
        : Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var u) ? u
        : throw new ArgumentException($"--public-url: '{url}' is not an absolute URL");

}

/// <summary>Prints each layer of a partition job as it is built, published and dropped.</summary>
internal sealed class PartitionStepPrinter(IAnsiConsole console) : IProgress<PartitionStep>
{
    public void Report(PartitionStep value)
    {
        switch (value)
        {
            case LayerBuilt b:
                console.MarkupLineInterpolated($"layer {b.Layer}: built {N(b.Files)} file(s), {N(b.Bytes)} bytes.");
                break;
            case LayerPublished p:
                foreach (var t in p.Trees)
                {
                    var r = t.Report!;
                    console.MarkupLineInterpolated(
                        $"layer {p.Layer} {t.Name}: uploaded {N(r.FilesUploaded)} file(s), {N(r.BytesUploaded)} bytes ({N(t.Plan.Unchanged)} unchanged); manifest {(r.ManifestUploaded ? "uploaded" : "unchanged")}; deleted {N(r.ObjectsDeleted)}.");
                }

                break;
            case LayerDropped d:
                console.MarkupLineInterpolated($"layer {d.Layer}: local output deleted.");
                break;
        }
    }

}
