using System.ComponentModel;
using NeuroNav.Cli.Errors;
using NeuroNav.Core;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Neuron2Graph;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class FetchSourceSettings : FetchSettings
{
    [CommandArgument(0, "<SOURCE>")]
    [Description("What to fetch: neuroscope (neuron pages), gpt4 (OpenAI's GPT-4 explanations of gpt2-small and gpt2-xl), neuron2graph (one model's Neuron2Graph output, --from) or weights (one model's checkpoint, downloaded from the model hub or read from --from, analysed).")]
    public string Source { get; init; } = "";

    [CommandOption("-m|--model <MODEL>")]
    [Description("Model id from the catalog (repeatable; one for neuron2graph), e.g. gpt2-small. See 'neuronav models'.")]
    public string[] Models { get; init; } = [];

    [CommandOption("-l|--layers <RANGES>")]
    [Description("Layers to fetch, e.g. 0-3,7. Default: every layer of the model (neuron2graph: every layer its output names).")]
    public string? Layers { get; init; }

    [CommandOption("-n|--neurons <RANGES>")]
    [Description("Neurons to fetch in each layer, e.g. 0-99. Default: every neuron.")]
    public string? Neurons { get; init; }

    [CommandOption("--base-url <URL>")]
    [Description("Root of the source (neuroscope: https://neuroscope.io/; gpt4: OpenAI's neuron-explainer release, https://openaipublic.blob.core.windows.net/neuron-explainer/; weights: the model hub, https://huggingface.co/).")]
    public string? BaseUrl { get; init; }

    [CommandOption("-f|--from <FOLDER-OR-URL>")]
    [Description("neuron2graph: the model's N2G output, a local folder or an http(s) base URL (neuron_graphs/<model>/). weights: a folder holding the model's checkpoint and tokenizer files (as content/weights.csv names them), read instead of downloading them.")]
    public string? From { get; init; }

    [CommandOption("--checkpoints <DIR>")]
    [Description("weights: where the hub's files are downloaded, one folder per model, kept so that a second run downloads nothing (default $NEURONAV_CHECKPOINTS, else ~/.cache/neuronav/checkpoints; gpt2-xl needs 6.5 GB).")]
    public string? Checkpoints { get; init; }

    [CommandOption("--from-corpus <DIR>")]
    [Description("weights: copy the model's analysis from another corpus (e.g. what 'fetch weights' computed there once) instead of computing it; every layer and neuron asked for must be there.")]
    public string? FromCorpus { get; init; }

    [CommandOption("--openai-undocumented")]
    [Description("gpt4: also ask for the files OpenAI documents only for gpt2-xl (related neurons and tokens of gpt2-small); a 404 is recorded in the reason.")]
    public bool OpenAiUndocumented { get; init; }

    [CommandOption("--layout <LAYOUT>")]
    [Description("neuron2graph: auto (default), folder (layer_0/{L}_{N}/graph, 2023) or flat ({L}_{N}, Dec 2023 on).")]
    public GraphLayout? Layout { get; init; }

    [CommandOption("--top-k <N>")]
    [Description("neuron2graph: similar neurons kept per neuron (default 10).")]
    public int? TopK { get; init; }

    [CommandOption("--threshold <J>")]
    [Description("neuron2graph: least Jaccard similarity of two neurons' token sets to call them similar, in (0, 1]] (default 0.2).")]
    public double? Threshold { get; init; }

    /// <summary>The source named by the argument (after <see cref="Validate"/>).</summary>
    public FetchSource Fetch => FetchSources.Find(Source)!;

    public override ValidationResult Validate()
    {
        if (FetchSources.Find(Source) is not { } source)
        {
            var ids = FetchSources.All.Select(s => s.Id).ToList();
            var close = Suggestions.Closest(Source, ids);
            return ValidationResult.Error($"fetch: unknown source '{Source}'; {(close is null ? "" : $"did you mean {close}? ")}the sources are {string.Join(", ", ids)}");
        }

        var others = SourceOptionsGiven().Where(o => !source.OwnOptions.Contains(o)).ToList();
        var wrong = source.DefaultBaseUrl is null && BaseUrl is not null ? "--base-url (give --from)"
            : !source.ReadsFolder && From is not null ? "--from (give --base-url)"
            : BaseUrl is not null && From is not null ? "both --base-url and --from (give one: --from reads a local copy)"
            : others.Count > 0 ? Names(others) : null;
        return wrong is not null ? ValidationResult.Error($"fetch {source.Id}: this source does not take {wrong}")
            : Models.Length == 0 ? ValidationResult.Error("give at least one --model")
            : source.ReadsFolder && Models.Length > 1 ? ValidationResult.Error($"fetch {source.Id}: give one --model (its --from holds one model's output)")
            : BaseUrl is not null && !IsHttpUrl(BaseUrl) ? ValidationResult.Error($"--base-url: '{BaseUrl}' is not an http(s) URL")
            : TopK < 1 ? ValidationResult.Error("--top-k must be positive")
            : Threshold is { } j && !(j > 0 && j <= 1) ? ValidationResult.Error("--threshold must be in (0, 1]")
            : Checkpoints is not null && !WritableFolder.Check("--checkpoints", Checkpoints).Successful ? WritableFolder.Check("--checkpoints", Checkpoints)
            : ValidatePoliteness();
    }

    /// <summary>The options given that only some sources take.</summary>
    private IEnumerable<string> SourceOptionsGiven()
    {
        if (OpenAiUndocumented)
        {
            yield return "--openai-undocumented";
        }

        if (Checkpoints is not null)
        {
            yield return "--checkpoints";
        }

        if (FromCorpus is not null)
        {
            yield return "--from-corpus";
        }

        if (Layout is not null || TopK is not null || Threshold is not null)
        {
            // Neuron2Graph's three are named together, as the help groups them.
            yield return "--layout";
            yield return "--top-k";
            yield return "--threshold";
        }
    }

    private static string Names(List<string> options) =>
        options.Count == 1 ? options[0] : string.Join(", ", options.Take(options.Count - 1)) + " and " + options[^1];

    /// <summary>The job this command line asks for.</summary>
    public FetchJob ToJob(ModelCatalog catalog, string command)
    {
        var source = Fetch;
        var ranges = Layers is null && Neurons is null && source.ReadsFolder ? [] : Targets(catalog, Models, Layers, Neurons);
        var root = BaseUrl ?? source.DefaultBaseUrl?.AbsoluteUri;
        return new FetchJob(Corpus, ToFetchOptions(root, source))
        {
            Targets = ranges,
            Command = command,
            Model = source.ReadsFolder ? catalog[Models[0]].Id : null,
            From = From,
            IncludeUndocumented = OpenAiUndocumented,
            Layout = Layout ?? GraphLayout.Auto,
            Similarity = new SimilarityOptions(TopK ?? 10, Threshold ?? 0.2),
            Catalog = catalog,
            WeightsMapping = AppPaths.WeightsMapping,
            Checkpoints = Checkpoints,
            FromCorpus = FromCorpus,
        };
    }
}

[Description("Fetch one source into the corpus: neuroscope, gpt4, neuron2graph or weights, with the same politeness, resume (what is stored is skipped, failures are retried), corpus lock, progress and summary.")]
public sealed class FetchCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<FetchSourceSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, FetchSourceSettings settings, CancellationToken cancellationToken) =>
        ScrapeRunner.RunVerbAsync(console, catalog, context, settings.Fetch, settings.ToJob, cancellationToken);
}
