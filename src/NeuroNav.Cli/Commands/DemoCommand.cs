using System.ComponentModel;
using NeuroNav.Build;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch;
using NeuroNav.Hosting;
using NeuroNav.Sample;
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
        var mirror = AppPaths.SampleRoot;
        var ct = cancellationToken;

        await using var server = await StaticSiteServer.StartAsync(mirror, 0, ct);
        console.MarkupLineInterpolated($"Serving the synthetic sample mirror [grey]{mirror}[/] at {server.BaseAddress}");
        var neuroscope = new Uri(server.BaseAddress, "neuroscope/");
        await CatalogCheck.RunAsync(console, catalog, new FetchOptions { BaseUrl = neuroscope }, ct);

        var corpus = new CorpusStore(settings.Corpus);
        var fetch = new FetchOptions { BaseUrl = neuroscope, Concurrency = 4, RequestsPerSecond = 200, Timeout = TimeSpan.FromSeconds(10), MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(200) };
        var scrape = await ScrapeRunner.RunAsync(console, corpus, fetch, Targets, ct);
        if (scrape.Cancelled)
        {
            return (int)ExitCode.Cancelled;
        }

        // The other sources' sample mirrors are fetched here, each from its own folder of the mirror.
        var openAi = fetch with { BaseUrl = new Uri(server.BaseAddress, "openai/") };
        var gpt4Targets = Targets.Where(t => NeuroNav.Fetch.OpenAi.OpenAiModel.Find(t.Model) is not null).ToList();
        if ((await ScrapeRunner.RunGpt4Async(console, new NeuroNav.Corpus.Gpt4.Gpt4Store(corpus.Root, corpus.Format), openAi, gpt4Targets, includeUndocumented: true, ct)).Cancelled)
        {
            return (int)ExitCode.Cancelled;
        }

        foreach (var (model, _, _) in NeuroNav.Sample.Graphs.GraphSample.Models)
        {
            var from = new Uri(new Uri(server.BaseAddress, "neuron2graph/"), model + "/");
            await GraphCommand.IngestAsync(console, corpus, model, from.AbsoluteUri, NeuroNav.Fetch.Graphs.GraphLayout.Auto, fetch, new NeuroNav.Corpus.Graphs.SimilarityOptions(), ct);
        }

        await BuildRunner.RunAsync(console, corpus, catalog, new BuildOptions(settings.Output, []), ct);
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

    /// <summary>Every neuron path the sample covers, its hostile cases and its gap included.</summary>
    private static IReadOnlyList<ScrapeTarget> Targets =>
        [.. SampleMirror.Ranges.Select(r => new ScrapeTarget(r.Model, r.Layer, r.FirstNeuron, r.EndNeuron))];
}
