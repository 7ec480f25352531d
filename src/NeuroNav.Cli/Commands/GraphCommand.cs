using System.ComponentModel;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Neuron2Graph;
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

    /// <summary>The same job as <c>fetch neuron2graph</c> with these options.</summary>
    public FetchJob ToJob(ModelCatalog catalog, string command) =>
        new(Corpus, ToFetchOptions(root: null, FetchSources.Neuron2Graph))
        {
            Command = command,
            Model = catalog.TryGet(Model!, out var model) ? model.Id : throw new ArgumentException($"--model: unknown model '{Model}'; see 'neuronav models'"),
            From = From,
            Layout = Layout,
            Similarity = new SimilarityOptions(TopK, Threshold),
        };
}

[Description("Alias of 'fetch neuron2graph', kept for one release: read a model's Neuron2Graph output (graphs, stats.json, neuron_store.json) into the corpus and compute similar neurons.")]
public sealed class GraphCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<GraphSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, GraphSettings settings, CancellationToken cancellationToken) =>
        ScrapeRunner.RunVerbAsync(console, catalog, context, FetchSources.Neuron2Graph, settings.ToJob, cancellationToken);

}
