using System.ComponentModel;
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
    [Description("At most this many requests per second.")]
    [DefaultValue(8.0)]
    public double RequestsPerSecond { get; init; } = 8;

    [CommandOption("--retries <N>")]
    [Description("Retries per request on 408/429/5xx/network errors (exponential backoff with jitter, honours Retry-After).")]
    [DefaultValue(5)]
    public int Retries { get; init; } = 5;

    [CommandOption("--max-failures-in-a-row <N>")]
    [Description("Stop the run as unreachable when this many requests in a row get no answer (connection error, timeout, 5xx); what is stored is kept and the next run resumes. 0 never stops.")]
    [DefaultValue(20)]
    public int MaxFailuresInARow { get; init; } = 20;

    [CommandOption("--refresh")]
    [Description("Fetch again what the corpus already holds or has recorded as missing or invalid.")]
    public bool Refresh { get; init; }

    /// <summary>The shared options' check; verbs call it from their own <see cref="CommandSettings.Validate"/>.</summary>
    protected ValidationResult ValidatePoliteness() =>
        Concurrency < 1 || RequestsPerSecond <= 0 || Retries < 0 || MaxFailuresInARow < 0
            ? ValidationResult.Error("--concurrency and --rps must be positive, --retries and --max-failures-in-a-row non-negative")
            : WritableFolder.Check("--corpus", Corpus);
}
