using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Graphs;
using NeuroNav.Build.Profiles;
using NeuroNav.Build.Sources;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Corpus.Graphs;

namespace NeuroNav.Cli;

/// <summary>The sources besides Neuroscope that a build reads from the corpus, each as the builder's section source.</summary>
internal static class CorpusSections
{
    public static IReadOnlyList<ISectionSource> For(ICorpusReader corpus) => corpus switch
    {
        CorpusStore store =>
        [
            new Gpt4SectionSource(new Gpt4Store(store.Root, store.Format)),
            new GraphSectionSource(new GraphCorpus(store)),
        ],
        TrimmedCorpus { Inner: var inner } => For(inner),
        _ => [],
    };
}
