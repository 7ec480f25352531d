using System.ComponentModel;
using NeuroNav.Core;
using NeuroNav.Corpus;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class DemoSettings : CommandSettings
{
    [CommandOption("-c|--corpus <DIR>")]
    [Description("Corpus folder for the sample.")]
    [DefaultValue("corpus")]
    public string Corpus { get; init; } = "corpus";

    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder for the sample site.")]
    [DefaultValue("output")]
    public string Output { get; init; } = "output";

    public override ValidationResult Validate() =>
        WritableFolder.First(WritableFolder.Check("--corpus", Corpus), WritableFolder.Check("--out", Output));
}

[Description("The offline sample end to end: serve the synthetic neuroscope.io mirror on 127.0.0.1, scrape it over HTTP, build the site.")]
public sealed class DemoCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<DemoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var corpus = new CorpusStore(settings.Corpus);
        if (await DemoRunner.RunAsync(console, catalog, corpus, settings.Output, cancellationToken) is not { } scrape)
        {
            return (int)ExitCode.Cancelled;
        }

        var output = Path.GetFullPath(settings.Output);
        console.WriteLine();
        console.MarkupLineInterpolated($"[green]Sample site written to {output}[/]");
        console.MarkupLineInterpolated($"  look at it:  dotnet run --project src/NeuroNav.Cli -c Release -- serve --dir {settings.Output}   then open http://127.0.0.1:8080/");
        console.MarkupLineInterpolated($"  or read:     {Path.Combine(output, "api", "gpt2-small", "3", "0.json")}");
        console.MarkupLineInterpolated($"  corpus:      {corpus.Root} (Parquet; DuckDB: read_parquet('{corpus.Root}/neuroscope_texts/**/*.parquet', hive_partitioning=true))");
        console.MarkupLine(scrape.MissingUpstream + scrape.Invalid > 0
            ? "The sample's hostile pages are expected to show up above as missing or invalid."
            : "The sample's hostile pages were recorded as missing or invalid by an earlier run (this one skipped them); the layer pages list them.");
        return (int)ExitCode.Success;
    }
}
