using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch;

namespace NeuroNav.Modules;

/// <summary>
/// One source and what it contributes to each stage: its corpus tables (registered with the corpus root), its fetch
/// on the one scrape loop, and its section of the neuron document for the build (Neuroscope, the backbone of the build,
/// has none).
/// </summary>
/// <param name="Info">Its id, label, document key and the models it covers.</param>
/// <param name="Tables">The corpus tables it owns (the shared coverage table is nobody's).</param>
/// <param name="Fetch">How it is fetched: <c>neuronav fetch &lt;id&gt;</c>.</param>
/// <param name="Section">Its build section over a corpus on disk; over none (null), the section without data, which keeps
/// the source's keys, columns and schemas in the site. Null for the backbone.</param>
public sealed record SourceModule(
    SourceInfo Info,
    IReadOnlyList<CorpusTable> Tables,
    FetchSource Fetch,
    Func<CorpusRoot?, ISectionSource>? Section)
{
    /// <summary>The names of <see cref="Tables"/>.</summary>
    public IReadOnlyList<string> CorpusTables => [.. Tables.Select(t => t.Name)];
}
