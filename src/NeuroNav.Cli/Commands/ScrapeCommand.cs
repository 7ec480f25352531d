using System.ComponentModel;
using NeuroNav.Core;
using NeuroNav.Fetch;
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

        if (!IsHttpUrl(BaseUrl))
        {
            return ValidationResult.Error($"--base-url: '{BaseUrl}' is not an http(s) URL");
        }

        if (!IsHttpUrl(OpenAiUrl))
        {
            return ValidationResult.Error($"--openai-url: '{OpenAiUrl}' is not an http(s) URL");
        }

        return ValidatePoliteness();
    }

    public bool IsGpt4 => Source == "gpt4";

    /// <summary>The source this alias fetches.</summary>
    public FetchSource Fetch => IsGpt4 ? FetchSources.Gpt4 : FetchSources.Neuroscope;

    /// <summary>The same job as <c>fetch neuroscope</c> or <c>fetch gpt4</c> with these options.</summary>
    public FetchJob ToJob(ModelCatalog catalog, string command) =>
        new(Corpus, ToFetchOptions(IsGpt4 ? OpenAiUrl : BaseUrl, Fetch))
        {
            Targets = Targets(catalog, Models, Layers, Neurons),
            Command = command,
            IncludeUndocumented = OpenAiUndocumented,
        };
}

[Description("Alias of 'fetch neuroscope' and (with --source gpt4) 'fetch gpt4', kept for one release: fetch Neuroscope pages or OpenAI's GPT-4 explanations into the corpus (resumable: stored neurons are skipped).")]
public sealed class ScrapeCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<ScrapeSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ScrapeSettings settings, CancellationToken cancellationToken) =>
        ScrapeRunner.RunVerbAsync(console, catalog, context, settings.Fetch, settings.ToJob, cancellationToken);
}
