using System.ComponentModel;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Fetch;
using NeuroNav.Fetch.OpenAi;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class ScrapeSettings : FetchSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("Model id from the catalog (repeatable), e.g. gpt2-small. See 'neuronav models'.")]
    public string[] Models { get; init; } = [];

    [CommandOption("-l|--layers <RANGES>")]
    [Description("Layers to fetch, e.g. 0-3,7. Default: every layer of the model.")]
    public string? Layers { get; init; }

    [CommandOption("-n|--neurons <RANGES>")]
    [Description("Neurons to fetch in each layer, e.g. 0-99. Default: every neuron.")]
    public string? Neurons { get; init; }

    [CommandOption("-s|--source <SOURCE>")]
    [Description("What to fetch: neuroscope (neuron pages) or gpt4 (OpenAI's neuron-explainer files: GPT-4 explanations and scores, activations, related neurons and tokens; gpt2-small and gpt2-xl only).")]
    [DefaultValue("neuroscope")]
    public string Source { get; init; } = "neuroscope";

    [CommandOption("--openai-url <URL>")]
    [Description("Root of OpenAI's neuron-explainer release (--source gpt4).")]
    [DefaultValue("https://openaipublic.blob.core.windows.net/neuron-explainer/")]
    public string OpenAiUrl { get; init; } = "https://openaipublic.blob.core.windows.net/neuron-explainer/";

    [CommandOption("--openai-undocumented")]
    [Description("With --source gpt4: also ask for the files OpenAI documents only for gpt2-xl (related neurons and tokens of gpt2-small); a 404 is recorded in the reason.")]
    public bool OpenAiUndocumented { get; init; }

    [CommandOption("--base-url <URL>")]
    [Description("Root of the Neuroscope site.")]
    [DefaultValue("https://neuroscope.io/")]
    public string BaseUrl { get; init; } = "https://neuroscope.io/";

    [CommandOption("--timeout <SECONDS>")]
    [Description("Timeout of one request attempt.")]
    [DefaultValue(30)]
    public int TimeoutSeconds { get; init; } = 30;

    [CommandOption("--batch-size <N>")]
    [Description("Neurons per corpus part file; a crash loses at most one batch.")]
    [DefaultValue(100)]
    public int BatchSize { get; init; } = 100;

    public override ValidationResult Validate()
    {
        if (Models.Length == 0)
        {
            return ValidationResult.Error("give at least one --model");
        }

        if (Source is not ("neuroscope" or "gpt4"))
        {
            return ValidationResult.Error($"--source: '{Source}' is not a source; use neuroscope or gpt4");
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return ValidationResult.Error($"--base-url: '{BaseUrl}' is not an http(s) URL");
        }

        if (!Uri.TryCreate(OpenAiUrl, UriKind.Absolute, out var openAi) || openAi.Scheme is not ("http" or "https"))
        {
            return ValidationResult.Error($"--openai-url: '{OpenAiUrl}' is not an http(s) URL");
        }

        return TimeoutSeconds < 1 || BatchSize < 1
            ? ValidationResult.Error("--timeout and --batch-size must be positive")
            : ValidatePoliteness();
    }

    public bool IsGpt4 => Source == "gpt4";

    public FetchOptions ToFetchOptions() => new()
    {
        BaseUrl = Root(IsGpt4 ? OpenAiUrl : BaseUrl),
        Concurrency = Concurrency,
        RequestsPerSecond = RequestsPerSecond,
        Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
        MaxRetries = Retries,
        MaxFailuresInARow = MaxFailuresInARow,
        BatchSize = BatchSize,
        Refresh = Refresh,
    };

    private static Uri Root(string url) => new(url.EndsWith('/') ? url : url + "/");

    /// <summary>The neuron ranges to fetch, checked against each model's size.</summary>
    public IReadOnlyList<ScrapeTarget> Targets(ModelCatalog catalog)
    {
        var targets = new List<ScrapeTarget>();
        foreach (var id in Models)
        {
            var model = catalog[id];
            if (IsGpt4 && OpenAiModel.Find(model.Id) is null)
            {
                throw new ArgumentException($"--source gpt4: OpenAI published neuron explanations only for {string.Join(" and ", OpenAiModel.All.Select(m => m.Model))}, not {model.Id}");
            }

            var layers = Layers is null ? [(0, model.Layers)] : IntRanges.Parse(Layers, "--layers");
            var neurons = Neurons is null ? [(0, model.NeuronsPerLayer)] : IntRanges.Parse(Neurons, "--neurons");
            if (layers[^1].End > model.Layers)
            {
                throw new ArgumentException($"--layers: {model.Id} has layers 0-{model.Layers - 1}");
            }

            if (neurons[^1].End > model.NeuronsPerLayer)
            {
                throw new ArgumentException($"--neurons: {model.Id} has neurons 0-{model.NeuronsPerLayer - 1} per layer");
            }

            foreach (var (ls, le) in layers)
            {
                for (var layer = ls; layer < le; layer++)
                {
                    targets.AddRange(neurons.Select(n => new ScrapeTarget(model.Id, layer, n.Start, n.End)));
                }
            }
        }

        return targets;
    }
}

[Description("Fetch Neuroscope neuron pages or OpenAI's GPT-4 explanations (--source gpt4) into the corpus (resumable: stored neurons are skipped).")]
public sealed class ScrapeCommand(IAnsiConsole console) : AsyncCommand<ScrapeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScrapeSettings settings, CancellationToken cancellationToken)
    {
        var catalog = ModelCatalog.Load(AppPaths.Catalog);
        var targets = settings.Targets(catalog);
        using var cts = Cancellation.OnCtrlC();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cts.Token, cancellationToken);
        using var writer = CorpusLock.Acquire(settings.Corpus, "neuronav " + string.Join(' ', context.Arguments));
        var corpus = new CorpusStore(settings.Corpus);
        var report = settings.IsGpt4
            ? await ScrapeRunner.RunGpt4Async(console, new Gpt4Store(corpus.Root, corpus.Format), settings.ToFetchOptions(), targets, settings.OpenAiUndocumented, linked.Token)
            : await ScrapeRunner.RunAsync(console, corpus, settings.ToFetchOptions(), targets, linked.Token);
        console.MarkupLineInterpolated($"Corpus: [link]{corpus.Root}[/]");
        return (int)ScrapeRunner.ExitCodeOf(report);
    }
}
