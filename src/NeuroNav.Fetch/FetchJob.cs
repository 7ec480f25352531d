using NeuroNav.Core;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Fetch.Neuron2Graph;

namespace NeuroNav.Fetch;

/// <summary>
/// One run of one source into a corpus: the corpus folder, how to fetch (<see cref="FetchOptions.BaseUrl"/> is the
/// source's root), what to fetch, and the options only some sources take.
/// </summary>
/// <param name="Corpus">The corpus folder; the run holds its lock.</param>
public sealed record FetchJob(string Corpus, FetchOptions Options)
{
    /// <summary>
    /// The neurons to fetch. For a source that reads a folder (<see cref="FetchSource.ReadsFolder"/>), the ranges to keep
    /// of what its output names; empty keeps everything.
    /// </summary>
    public IReadOnlyList<ScrapeTarget> Targets { get; init; } = [];

    /// <summary>The command line that the corpus lock names to a second writer.</summary>
    public string Command { get; init; } = "neuronav fetch";

    /// <summary>The model whose output <see cref="From"/> holds (sources that read a folder).</summary>
    public string? Model { get; init; }

    /// <summary>A local folder or an http(s) base URL (sources that read a folder).</summary>
    public string? From { get; init; }

    /// <summary>GPT-4: also ask for the files OpenAI documents only for GPT-2 XL.</summary>
    public bool IncludeUndocumented { get; init; }

    /// <summary>Neuron2Graph: where the graphs are in <see cref="From"/>.</summary>
    public GraphLayout Layout { get; init; } = GraphLayout.Auto;

    /// <summary>Neuron2Graph: how similar neurons are computed.</summary>
    public SimilarityOptions Similarity { get; init; } = new();

    /// <summary>The catalog the job's models come from (sources that check shapes against it: the weights).</summary>
    public ModelCatalog? Catalog { get; init; }

    /// <summary>Weights: the mapping of catalog models to their checkpoints (<c>content/weights.csv</c>).</summary>
    public string? WeightsMapping { get; init; }

    /// <summary>
    /// Weights without <see cref="From"/>: the checkpoint cache the hub's files are downloaded into, one folder per model
    /// (null: <c>$NEURONAV_CHECKPOINTS</c>, else the user's cache folder).
    /// </summary>
    public string? Checkpoints { get; init; }

    /// <summary>
    /// Weights: another corpus whose stored analysis of the model is copied instead of computing it (the rebuild's
    /// per-model weights job computes once; its partition jobs copy their layers).
    /// </summary>
    public string? FromCorpus { get; init; }
}

/// <summary>One line of a fetch summary beyond the per-neuron counts (e.g. Neuron2Graph's stats rows).</summary>
public sealed record FetchDetail(string Name, string Value);

/// <summary>How a fetch ended: the per-neuron report, what else the source stored, and warnings about its index files.</summary>
public sealed record FetchReport(string Source, ScrapeReport Neurons, IReadOnlyList<FetchDetail> Details, IReadOnlyList<string> Warnings)
{
    public FetchReport(string source, ScrapeReport neurons)
        : this(source, neurons, [], [])
    {
    }
}
