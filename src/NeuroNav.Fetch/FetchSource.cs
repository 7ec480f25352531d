using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch.Gpt4;
using NeuroNav.Fetch.Neuron2Graph;
using NeuroNav.Fetch.Neuroscope;
using NeuroNav.Fetch.Weights;

namespace NeuroNav.Fetch;

/// <summary>
/// One source as the fetch stage sees it: checks a <see cref="FetchJob"/>, then, holding the corpus lock, runs the scrape
/// loop every source shares. <see cref="RunAsync"/> is the one way any source is fetched.
/// </summary>
public abstract class FetchSource
{
    protected FetchSource()
    {
    }

    public abstract SourceInfo Info { get; }

    /// <summary>The source's id: <c>neuroscope</c>, <c>gpt4</c>, <c>neuron2graph</c>.</summary>
    public string Id => Info.Id;

    /// <summary>The root it is fetched from by default; null for a source that reads a folder or URL given each time.</summary>
    public abstract Uri? DefaultBaseUrl { get; }

    /// <summary>
    /// The politeness budget: requests per second this source may get from NeuroNav in all, summed over every job that
    /// fetches it at once (<c>fetch --jobs</c> gives each job its share). The sources are run by individuals, so the
    /// default is modest: 4 per second.
    /// </summary>
    public virtual double RateBudget => 4;

    /// <summary>
    /// Whether the source reads one model's output from <see cref="FetchJob.From"/>; one that also has a
    /// <see cref="DefaultBaseUrl"/> (the weights) downloads it from there when no <see cref="FetchJob.From"/> is given.
    /// </summary>
    public virtual bool ReadsFolder => false;

    /// <summary>
    /// The options of <c>neuronav fetch</c> that only some sources take and this one does (e.g. <c>--top-k</c>), each as
    /// its long name; a command line giving another source's option is refused naming it.
    /// </summary>
    public virtual IReadOnlyList<string> OwnOptions => [];

    /// <summary>What one fetched neuron is, for the progress line: "pages", "neurons", "graphs".</summary>
    public abstract string Unit { get; }

    /// <summary>Checks the job (throwing <see cref="ArgumentException"/> naming the option), takes the corpus lock and fetches.</summary>
    /// <exception cref="FolderLockedException">Another writer holds the corpus.</exception>
    public async Task<FetchReport> RunAsync(FetchJob job, IProgress<ScrapeProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        Check(job);
        var corpus = CorpusRoot.Open(job.Corpus);
        using var writer = corpus.Lock(job.Command);
        return await FetchAsync(corpus.Neuroscope(), job, progress, ct).ConfigureAwait(false);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming what the job lacks for this source.</summary>
    protected abstract void Check(FetchJob job);

    /// <summary>Fetches into <paramref name="corpus"/>, whose lock the caller holds.</summary>
    protected abstract Task<FetchReport> FetchAsync(CorpusStore corpus, FetchJob job, IProgress<ScrapeProgress>? progress, CancellationToken ct);
}

/// <summary>Every source the fetch stage knows, by id.</summary>
public static class FetchSources
{
    public static readonly FetchSource Neuroscope = new NeuroscopeFetchSource();

    public static readonly FetchSource Gpt4 = new Gpt4FetchSource();

    public static readonly FetchSource Neuron2Graph = new Neuron2GraphFetchSource();

    public static readonly FetchSource Weights = new WeightsFetchSource();

    public static readonly IReadOnlyList<FetchSource> All = [Neuroscope, Gpt4, Neuron2Graph, Weights];

    /// <summary>The source with id <paramref name="id"/>, or null.</summary>
    public static FetchSource? Find(string id) => All.FirstOrDefault(s => s.Id == id);
}
