using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch;

namespace NeuroNav.Modules;

/// <summary>Fetches the targets from one source into the corpus, with the politeness, resume and progress of the scrape loop.</summary>
public delegate Task<ScrapeReport> SourceFetch(
    CorpusStore corpus, FetchOptions options, IReadOnlyList<ScrapeTarget> targets, IProgress<ScrapeProgress>? progress, CancellationToken ct);

/// <summary>
/// One source and what it contributes to each stage: its corpus tables, its fetch on the scrape loop (where the
/// source is fetched per neuron), and its section of the neuron document for the build (Neuroscope, the backbone of
/// the build, has none).
/// </summary>
/// <param name="Info">Its id, label, document key and the models it covers.</param>
/// <param name="CorpusTables">The corpus tables it owns (the shared coverage table is nobody's).</param>
/// <param name="Fetch">Its fetch, or null when it is not fetched per neuron (Neuron2Graph reads a model's output at once).</param>
/// <param name="Section">Its build section over a corpus, or null for the backbone.</param>
public sealed record SourceModule(
    SourceInfo Info,
    IReadOnlyList<string> CorpusTables,
    SourceFetch? Fetch,
    Func<CorpusStore, ISectionSource>? Section);
