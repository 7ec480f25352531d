using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Build.Profiles;
using NeuroNav.Build.Sources;
using NeuroNav.Build.Weights;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Corpus.Weights;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Gpt4;

namespace NeuroNav.Modules;

/// <summary>The sources NeuroNav archives, each as a module; the pipeline's stages take what they need from this list.</summary>
public static class SourceModules
{
    public static readonly SourceModule Neuroscope = new(SourceInfo.Neuroscope, NeuroscopeTables.All, FetchSources.Neuroscope, Section: null);

    public static readonly SourceModule Gpt4 = new(
        SourceInfo.Gpt4, Gpt4Tables.All, FetchSources.Gpt4, corpus => corpus is null ? Gpt4SectionSource.WithoutData : new Gpt4SectionSource(corpus.Gpt4()));

    public static readonly SourceModule Neuron2Graph = new(
        SourceInfo.Neuron2Graph, GraphTables.All, FetchSources.Neuron2Graph, corpus => corpus is null ? GraphSectionSource.WithoutData : new GraphSectionSource(corpus.Neuron2Graph()));

    public static readonly SourceModule Weights = new(
        SourceInfo.Weights, WeightsTables.All, FetchSources.Weights, corpus => corpus is null ? WeightsSectionSource.WithoutData : new WeightsSectionSource(corpus.Weights()));

    /// <summary>In the order the build adds their sections (the order of the neuron document's keys).</summary>
    public static readonly IReadOnlyList<SourceModule> All = [Neuroscope, Gpt4, Neuron2Graph, Weights];

    /// <summary>
    /// The build's section sources, one per module: over <paramref name="corpus"/> when it is on disk, else without data
    /// (no corpus, as <c>verify</c> may run, or one in memory), so the site always has every module's keys and schemas.
    /// </summary>
    public static IReadOnlyList<ISectionSource> SectionsFor(ICorpusReader? corpus) =>
        [.. All.Where(m => m.Section is not null).Select(m => m.Section!(corpus?.OnDisk))];
}
