using System.ComponentModel;
using NeuroNav.Core;
using NeuroNav.Fetch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

/// <summary>The options of every verb that fetches a source into the corpus: where the corpus is, and how politely to fetch.</summary>
public abstract class FetchSettings : CommandSettings
{
    [CommandOption("-c|--corpus <DIR>")]
    [Description("Corpus folder (Parquet, Hive-partitioned).")]
    [DefaultValue("corpus")]
    public string Corpus { get; init; } = "corpus";

    [CommandOption("--concurrency <N>")]
    [Description("Requests in flight at once.")]
    [DefaultValue(4)]
    public int Concurrency { get; init; } = 4;

    [CommandOption("--rps <N>")]
    [Description("The source's politeness budget: at most this many requests per second in all, shared by the --jobs that fetch it at once. Default: the source's own (neuroscope 4, gpt4 8, neuron2graph 4).")]
    public double? RequestsPerSecond { get; init; }

    [CommandOption("--jobs <N>")]
    [Description("Runs fetching the same source at once (the rebuild's jobs); this run takes 1/N of --rps.")]
    [DefaultValue(1)]
    public int Jobs { get; init; } = 1;

    [CommandOption("--retries <N>")]
    [Description("Retries per request on 408/429/5xx/network errors (exponential backoff with jitter, honours Retry-After).")]
    [DefaultValue(5)]
    public int Retries { get; init; } = 5;

    [CommandOption("--max-failures-in-a-row <N>")]
    [Description("Stop the run as unreachable when this many requests in a row get no answer (connection error, timeout, 5xx); what is stored is kept and the next run resumes. 0 never stops.")]
    [DefaultValue(20)]
    public int MaxFailuresInARow { get; init; } = 20;

    [CommandOption("--timeout <SECONDS>")]
    [Description("Timeout of one request attempt.")]
    [DefaultValue(30)]
    public int TimeoutSeconds { get; init; } = 30;

    [CommandOption("--batch-size <N>")]
    [Description("Neurons per corpus part file; a crash loses at most one batch.")]
    [DefaultValue(100)]
    public int BatchSize { get; init; } = 100;

    [CommandOption("--refresh")]
    [Description("Fetch again what the corpus already holds or has recorded as missing or invalid.")]
    public bool Refresh { get; init; }

    /// <summary>
    /// The politeness options as fetch options for <paramref name="source"/> against <paramref name="root"/> (a trailing
    /// slash is added); a source that reads a folder or URL given each time (<c>--from</c>) has no root. The run's rate is
    /// its share of the budget: <c>--rps</c> (default the source's <see cref="FetchSource.RateBudget"/>) over <c>--jobs</c>.
    /// </summary>
    public FetchOptions ToFetchOptions(string? root, FetchSource source)
    {
        var options = new FetchOptions
        {
            Concurrency = Concurrency,
            RequestsPerSecond = (RequestsPerSecond ?? source.RateBudget) / Jobs,
            Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
            MaxRetries = Retries,
            MaxFailuresInARow = MaxFailuresInARow,
            BatchSize = BatchSize,
            Refresh = Refresh,
        };
        return root is null ? options : options with { BaseUrl = new Uri(root.EndsWith('/') ? root : root + "/") };
    }

    /// <summary>The neuron ranges of <paramref name="models"/> that --layers and --neurons name (default: all), checked against each model's size.</summary>
    public static IReadOnlyList<ScrapeTarget> Targets(ModelCatalog catalog, IEnumerable<string> models, string? layerRanges, string? neuronRanges)
    {
        var targets = new List<ScrapeTarget>();
        foreach (var id in models)
        {
            var model = catalog[id];
            var layers = layerRanges is null ? [(0, model.Layers)] : IntRanges.Parse(layerRanges, "--layers");
            var neurons = neuronRanges is null ? [(0, model.NeuronsPerLayer)] : IntRanges.Parse(neuronRanges, "--neurons");
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

    /// <summary>Whether <paramref name="url"/> is an absolute http(s) URL.</summary>
    protected static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>The shared options' check; verbs call it from their own <see cref="CommandSettings.Validate"/>.</summary>
    protected ValidationResult ValidatePoliteness() =>
        Concurrency < 1 || RequestsPerSecond is <= 0 or double.NaN || Jobs < 1 || Retries < 0 || MaxFailuresInARow < 0
            ? ValidationResult.Error("--concurrency, --rps and --jobs must be positive, --retries and --max-failures-in-a-row non-negative")
            : TimeoutSeconds < 1 || BatchSize < 1 ? ValidationResult.Error("--timeout and --batch-size must be positive")
            : WritableFolder.Check("--corpus", Corpus);
}
