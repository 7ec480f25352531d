using System.ComponentModel;
using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Graphs;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Graphs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class GraphSettings : FetchSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("Model id from the catalog, e.g. gpt2-small.")]
    public string? Model { get; init; }

    [CommandOption("-f|--from <FOLDER-OR-URL>")]
    [Description("The model's N2G output: a local folder or an http(s) base URL (neuron_graphs/<model>/).")]
    public string? From { get; init; }

    [CommandOption("--layout <LAYOUT>")]
    [Description("auto (default), folder (layer_0/{L}_{N}/graph, 2023) or flat ({L}_{N}, Dec 2023 on).")]
    [DefaultValue(GraphLayout.Auto)]
    public GraphLayout Layout { get; init; } = GraphLayout.Auto;

    [CommandOption("--top-k <N>")]
    [Description("Similar neurons kept per neuron.")]
    [DefaultValue(10)]
    public int TopK { get; init; } = 10;

    [CommandOption("--threshold <J>")]
    [Description("Least Jaccard similarity of two neurons' token sets to call them similar, in (0, 1]].")]
    [DefaultValue(0.2)]
    public double Threshold { get; init; } = 0.2;

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Model) ? ValidationResult.Error("give --model")
        : string.IsNullOrWhiteSpace(From) ? ValidationResult.Error("give --from, a folder or an http(s) URL")
        : TopK < 1 ? ValidationResult.Error("--top-k must be positive")
        : !(Threshold > 0 && Threshold <= 1) ? ValidationResult.Error("--threshold must be in (0, 1]")
        : ValidatePoliteness();
}

[Description("Read a model's Neuron2Graph output (graphs, stats.json, neuron_store.json) into the corpus and compute similar neurons.")]
public sealed class GraphCommand(IAnsiConsole console) : AsyncCommand<GraphSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GraphSettings settings, CancellationToken cancellationToken)
    {
        var catalog = ModelCatalog.Load(AppPaths.Catalog);
        if (!catalog.TryGet(settings.Model!, out _))
        {
            throw new ArgumentException($"--model: unknown model '{settings.Model}'; see 'neuronav models'");
        }

        if (!IsUrl(settings.From!) && !Directory.Exists(settings.From))
        {
            throw new ArgumentException($"--from: there is no folder {Path.GetFullPath(settings.From!)}; give the folder of the model's Neuron2Graph output or its http(s) URL");
        }

        using var cts = Cancellation.OnCtrlC();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cts.Token, cancellationToken);
        var fetch = new FetchOptions
        {
            Concurrency = settings.Concurrency,
            RequestsPerSecond = settings.RequestsPerSecond,
            MaxRetries = settings.Retries,
            MaxFailuresInARow = settings.MaxFailuresInARow,
            Refresh = settings.Refresh,
        };
        var corpus = new CorpusStore(settings.Corpus);
        var report = await IngestAsync(console, corpus, settings.Model!, settings.From!, settings.Layout, fetch, new SimilarityOptions(settings.TopK, settings.Threshold), linked.Token);
        return (int)ScrapeRunner.ExitCodeOf(report.Graphs);
    }

    private static bool IsUrl(string from) =>
        from.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || from.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Ingests one model's N2G output with a progress line, then prints the summary and the problems.</summary>
    public static async Task<GraphIngestReport> IngestAsync(
        IAnsiConsole console, CorpusStore corpus, string model, string from, GraphLayout layout, FetchOptions fetch, SimilarityOptions similarity, CancellationToken ct)
    {
        var ingest = new GraphIngest(corpus, new GraphCorpus(corpus), fetch, similarity);
        GraphIngestReport? report = null;
        await console.Status().StartAsync($"neuron2graph {model}", async ctx =>
        {
            var progress = new Progress<ScrapeProgress>(p => ctx.Status(string.Create(
                CultureInfo.InvariantCulture, $"neuron2graph {model}: {p.Done:N0}/{p.Total:N0} graphs, {p.Failed:N0} failures")));
            report = await ingest.RunAsync(model, from, layout, progress, ct);
        });

        var r = report!;
        var table = new Table().Title($"Neuron2Graph {Markup.Escape(model)} from {Markup.Escape(from)}").AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        void Row(string name, long n) => table.AddRow(name, n.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("layout", Markup.Escape(r.Layout));
        Row("graphs named by stats, store or listing", r.Graphs.Requested);
        Row("already stored (skipped)", r.Graphs.Skipped);
        Row("graphs stored", r.Graphs.Fetched);
        Row("graph missing upstream", r.Graphs.MissingUpstream);
        Row("graph invalid", r.Graphs.Invalid);
        Row("failed (retried next run)", r.Graphs.Failed);
        Row("stats.json neurons", r.StatsRows);
        Row("neuron_store.json pairs", r.StoreEntries);
        Row("similar-neuron links", r.SimilarRows);
        console.Write(table);
        foreach (var warning in r.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        foreach (var p in r.Graphs.Problems.Take(20))
        {
            console.MarkupLineInterpolated($"  {p.Id} {p.Status}: {p.Reason ?? ""}");
        }

        ScrapeRunner.PrintUnreachable(console, r.Graphs);

        return r;
    }
}
