using System.ComponentModel;
using NeuroNav.Core;
using NeuroNav.Corpus;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class CompactSettings : CommandSettings
{
    [CommandOption("-c|--corpus <DIR>")]
    [Description("Corpus folder to compact.")]
    [DefaultValue("corpus")]
    public string Corpus { get; init; } = "corpus";

    [CommandOption("-m|--model <MODEL>")]
    [Description("Compact only these models (repeatable). Default: every model the corpus holds.")]
    public string[] Models { get; init; } = [];
}

[Description("Rewrite each layer of the corpus as one part per table: refetched neurons deduplicated (newest wins), sorted.")]
public sealed class CompactCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<CompactSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CompactSettings settings, CancellationToken cancellationToken)
    {
        foreach (var model in settings.Models)
        {
            // The catalog's ids are the only names that become paths: '../x' is refused here as by every other verb.
            _ = catalog[model];
        }

        var corpus = CorpusRoot.Open(settings.Corpus);
        if (!Directory.Exists(corpus.Folder))
        {
            console.MarkupLineInterpolated($"[red]No corpus at {corpus.Folder}[/]");
            return (int)ExitCode.BadArguments;
        }

        using var writer = corpus.Lock(CliText.CommandLine(context));
        console.MarkupLineInterpolated($"{writer.AdoptedParts} part(s) adopted into part lists, {writer.RemovedFiles.Count} unlisted file(s) removed.");
        var partitions = corpus.Partitions().Where(p => settings.Models.Length == 0 || settings.Models.Contains(p.Model)).ToList();
        foreach (var (model, layer) in partitions)
        {
            await corpus.CompactAsync(model, layer, cancellationToken);
            console.MarkupLineInterpolated($"compacted {model} layer {layer}");
        }

        console.MarkupLineInterpolated($"{partitions.Count} partition(s) of {corpus.Folder} compacted.");
        return (int)ExitCode.Success;
    }
}
