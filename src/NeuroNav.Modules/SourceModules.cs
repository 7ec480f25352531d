using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Graphs;
using NeuroNav.Build.Profiles;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Corpus.Graphs;
using NeuroNav.Fetch;
using NeuroNav.Fetch.OpenAi;

namespace NeuroNav.Modules;

/// <summary>The sources NeuroNav archives, each as a module; the pipeline's stages take what they need from this list.</summary>
/// <remarks>The table names are the corpus's (its table constants are internal to it); merge: take them from the corpus root's table descriptors after i13 merge.</remarks>
public static class SourceModules
{
    public static readonly SourceModule Neuroscope = new(
        SourceInfo.Neuroscope,
        ["neuroscope_texts", "neuroscope_neurons"],
        (corpus, options, targets, progress, ct) => new NeuroscopeScraper(corpus, options).RunAsync(targets, progress, ct),
        Section: null);

    public static readonly SourceModule Gpt4 = new(
        SourceInfo.Gpt4,
        ["gpt4_explanations", "gpt4_simulations", "gpt4_activation_stats", "gpt4_activation_records", "gpt4_related_neurons", "gpt4_related_tokens", "gpt4_files"],
        (corpus, options, targets, progress, ct) => new Gpt4Scraper(new Gpt4Store(corpus.Root, corpus.Format), options).RunAsync(targets, progress, ct),
        corpus => new Gpt4SectionSource(new Gpt4Store(corpus.Root, corpus.Format)));

    public static readonly SourceModule Neuron2Graph = new(
        SourceInfo.Neuron2Graph,
        ["n2g_graphs", "n2g_graph_nodes", "n2g_graph_edges", "n2g_stats", "n2g_neuron_store", "n2g_similar_neurons"],
        Fetch: null,
        corpus => new GraphSectionSource(new GraphCorpus(corpus)));

    /// <summary>In the order the build adds their sections (the order of the neuron document's keys).</summary>
    public static readonly IReadOnlyList<SourceModule> All = [Neuroscope, Gpt4, Neuron2Graph];

    /// <summary>The build's section sources over <paramref name="corpus"/>; none for a corpus that is not on disk.</summary>
    public static IReadOnlyList<ISectionSource> SectionsFor(ICorpusReader corpus) => corpus switch
    {
        CorpusStore store => [.. All.Where(m => m.Section is not null).Select(m => m.Section!(store))],
        TrimmedCorpus { Inner: var inner } => SectionsFor(inner),
        _ => [],
    };
}
