namespace NeuroNav.Build.Profiles;

/// <summary>
/// What one job of the rebuild may use. The defaults are a standard GitHub-hosted Linux runner (4 cores, 16 GB of memory,
/// 14 GB of SSD, 6 h per job, 256 jobs per matrix) with margins: the SDK, the checkout and the tool take the rest of the
/// disk, and the hour kept back absorbs a slow runner or a source that answers slowly.
/// </summary>
public sealed record SizePlanBudget
{
    /// <summary>Peak disk of a job: one layer's output plus the partition's corpus (decimal bytes: 10 GB).</summary>
    public long MaxDiskBytes { get; init; } = 10_000_000_000;

    /// <summary>Wall time of a job, from setup to the last upload.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromHours(5);

    /// <summary>Peak resident memory of a job (8 GB of the runner's 16).</summary>
    public long MaxRssBytes { get; init; } = 8_000_000_000;

    /// <summary>Jobs in one matrix: GitHub's limit.</summary>
    public int MaxJobs { get; init; } = 256;
}

/// <summary>
/// The measured cost of a neuron on a runner, the inputs of <see cref="SizePlanMatrix"/>. The defaults are
/// <c>neuronav bench</c>'s and <c>neuronav rehearse</c>'s figures for gpt2-xl's shape (20 texts × 1,024 tokens) and the
/// politeness budget of Neuroscope shared by 8 jobs; they are inputs because they drop as the output gets leaner.
/// </summary>
public sealed record SizePlanCosts
{
    /// <summary>The defaults, in the units <c>neuronav matrix</c> takes them (kilobytes, seconds, minutes).</summary>
    public static class Bench
    {
        public const double OutputKb = 229;
        public const double CorpusKb = 93;
        public const double RssKb = 350;
        public const double BuildSeconds = 0.05;
        public const double Requests = 1;
        public const double SetupMinutes = 15;
    }

    /// <summary>Bytes the build writes per neuron (bench and rehearsal, profile <c>full</c>, gzip-compressed: 228.4 KB).</summary>
    public long OutputBytesPerNeuron { get; init; } = (long)(Bench.OutputKb * 1000);

    /// <summary>Corpus bytes per neuron (bench: 92.8 KB).</summary>
    public long CorpusBytesPerNeuron { get; init; } = (long)(Bench.CorpusKb * 1000);

    /// <summary>
    /// Peak resident memory per neuron of the layer being built: a job builds one layer at a time (rehearsal: 819 MB for the
    /// partition stage of 2,400-neuron layers, 901 MB on the second run; 350 KB per neuron counts the runtime's own share too).
    /// </summary>
    public long RssBytesPerLayerNeuron { get; init; } = (long)(Bench.RssKb * 1000);

    /// <summary>Wall seconds per neuron to build, compress and publish it (rehearsal on 2 cores: 7 min 38 s for 9,600 neurons to moto, 0.048 s).</summary>
    public double BuildSecondsPerNeuron { get; init; } = Bench.BuildSeconds;

    /// <summary>Requests to the source per neuron fetched (Neuroscope: one page).</summary>
    public double RequestsPerNeuron { get; init; } = Bench.Requests;

    /// <summary>This job's share of the source's request rate: the politeness budget divided by the jobs fetching at once.</summary>
    public double RequestsPerSecond { get; init; } = 0.5;

    /// <summary>A job's fixed cost before its first neuron: runner start, checkout, SDK, installing the tool, restoring the corpus.</summary>
    public TimeSpan SetupTime { get; init; } = TimeSpan.FromMinutes(Bench.SetupMinutes);

    /// <summary>Seconds to fetch one neuron at this job's share of the rate: every neuron fetched, as on the first rebuild or with --refresh.</summary>
    public double FetchSecondsPerNeuron => RequestsPerNeuron / RequestsPerSecond;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first input out of range.</summary>
    public void Validate()
    {
        Check(OutputBytesPerNeuron > 0 && CorpusBytesPerNeuron > 0 && RssBytesPerLayerNeuron > 0, "bytes per neuron must be positive");
        Check(BuildSecondsPerNeuron >= 0 && RequestsPerNeuron >= 0, "seconds and requests per neuron must not be negative");
        Check(RequestsPerSecond > 0 && double.IsFinite(RequestsPerSecond), "the request rate must be positive");
        Check(SetupTime >= TimeSpan.Zero, "the setup time must not be negative");

        static void Check(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message);
            }
        }
    }
}
