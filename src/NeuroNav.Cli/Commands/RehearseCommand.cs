using System.ComponentModel;
using System.Globalization;
using NeuroNav.Cli.Rehearsal;
using NeuroNav.Core;
using NeuroNav.Publish;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class RehearseSettings : BucketSettings
{
    public const int MaxTexts = 100;
    public const int MaxTokens = 4096;

    [CommandOption("-w|--work <DIR>")]
    [Description("The rehearsal's folder: mirror/ (the synthetic pages, kept and reused), partition-job/ and indexes-job/ (emptied at the start).")]
    [DefaultValue("rehearsal")]
    public string Work { get; init; } = "rehearsal";

    [CommandOption("-m|--model <MODEL>")]
    [Description("The model whose shape and names the synthetic partition takes.")]
    [DefaultValue("gpt2-xl")]
    public string Model { get; init; } = "gpt2-xl";

    [CommandOption("--layers <N>")]
    [Description("Layers of the partition (0..N-1).")]
    [DefaultValue(4)]
    public int Layers { get; init; } = 4;

    [CommandOption("--neurons <N>")]
    [Description("Neurons per layer.")]
    [DefaultValue(6400)]
    public int Neurons { get; init; } = 6400;

    [CommandOption("--texts <N>")]
    [Description("Max-activating texts per neuron (Neuroscope shows 20), at most 100.")]
    [DefaultValue(20)]
    public int Texts { get; init; } = 20;

    [CommandOption("--tokens <N>")]
    [Description("Tokens per text (GPT-2's context: 1,024), at most 4,096.")]
    [DefaultValue(1024)]
    public int Tokens { get; init; } = 1024;

    [CommandOption("--sample-period <MS>")]
    [Description("How often the process's working set and the stage's folder are sampled, in milliseconds (10 to 60,000).")]
    [DefaultValue(1000)]
    public int SamplePeriodMs { get; init; } = 1000;

    [CommandOption("--json <FILE>")]
    [Description("Also write every figure to this JSON file.")]
    public string? Json { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Bucket) ? ValidationResult.Error("--bucket is required (an empty bucket, or an empty --prefix of one)")
        : Layers < 1 || Neurons < 1 ? ValidationResult.Error("--layers and --neurons must be at least 1")
        : Texts is < 1 or > MaxTexts ? ValidationResult.Error($"--texts must be between 1 and {MaxTexts}")
        : Tokens is < 1 or > MaxTokens ? ValidationResult.Error($"--tokens must be between 1 and {MaxTokens}")
        : SamplePeriodMs is < 10 or > 60_000 ? ValidationResult.Error("--sample-period must be between 10 and 60000 (milliseconds)")
        : Json is not null && Directory.Exists(Json) ? ValidationResult.Error($"--json: {Path.GetFullPath(Json)} is a folder; give a file")
        : WritableFolder.Check("--work", Work);
}

[Description("Rehearse the scheduled rebuild on one machine: a synthetic partition served on 127.0.0.1, fetched, built and published layer by layer to an S3-compatible endpoint (moto), the indexes job, then a second run that must fetch and publish nothing; time, CPU, peak disk, peak RSS, files, objects and requests per stage.")]
public sealed class RehearseCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<RehearseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RehearseSettings settings, CancellationToken cancellationToken)
    {
        var model = catalog[settings.Model];
        if (settings.Layers > model.Layers || settings.Neurons > model.NeuronsPerLayer)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--{(settings.Layers > model.Layers ? "layers" : "neurons")}: {model.Id} has {model.Layers} layers of {model.NeuronsPerLayer} neurons"));
        }

        var connection = S3Connection.FromEnvironment(settings.Bucket!, settings.Endpoint, settings.Region);
        var endpoint = connection.Endpoint
            ?? throw new ArgumentException("--endpoint: the rehearsal publishes to an S3-compatible endpoint on this machine (moto); give --endpoint or AWS_ENDPOINT_URL_S3");
        RehearsalChecks.Writable(settings.Work);
        using var store = settings.OpenStore();
        await RehearsalChecks.EmptyPrefixAsync(store, settings.Bucket!, PublishTree.NormalizePrefix(settings.Prefix ?? ""), endpoint, cancellationToken);

        using var traffic = new S3Traffic(endpoint, connection.Bucket);
        RehearsalFigures Figures(RehearsalRun run, DiskBound? disk, SecondRun? second, string? failure)
        {
            var mirror = FolderScan.Files(run.Mirror);
            return new RehearsalFigures(
                model.Id, settings.Layers, settings.Neurons, settings.Texts, settings.Tokens, Environment.ProcessorCount, settings.SamplePeriodMs,
                connection.Bucket, settings.Prefix ?? "", new MirrorFigures(mirror.Count, mirror.Values.Sum(f => f.Bytes)), run.Stages, disk, second, failure);
        }

        RehearsalRun? current = null;
        var run = current = new RehearsalRun(console, settings, model, store, traffic, stage =>
        {
            RehearsalTable.PrintStage(console, stage);
            Write(settings.Json, Figures(current!, null, null, $"incomplete: {current!.Stages.Count} of 7 stages done"));
        }, cancellationToken);
        DiskBound? disk = null;
        SecondRun? second = null;
        string? failure = null;
        var code = (int)ExitCode.Success;
        try
        {
            (disk, second) = await run.RunAsync();
            if (!second.Passed)
            {
                failure = $"the second run fetched {second.PagesFetched} page(s) and wrote {second.Writes.Count} object(s) to the bucket; it must fetch and publish nothing";
                code = (int)ExitCode.CompletedWithFailures;
            }
        }
        catch (RehearsalException e)
        {
            (failure, code) = (e.Message, e.ExitCode);
        }

        var figures = Figures(run, disk, second, failure);
        RehearsalTable.Print(console, figures);
        if (Write(settings.Json, figures) is { } written)
        {
            console.MarkupLineInterpolated($"Figures written to {written}");
        }

        if (failure is not null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] rehearse: {failure}");
        }

        return code;
    }

    /// <summary>Writes the figures to <paramref name="json"/> (when given), replacing what an earlier stage wrote; returns the full path.</summary>
    private static string? Write(string? json, RehearsalFigures figures)
    {
        if (json is null)
        {
            return null;
        }

        var full = Path.GetFullPath(json);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        AtomicFile.WriteAllBytes(full, RehearsalJsonContext.Serialize(figures));
        return full;
    }
}
