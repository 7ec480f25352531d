using NeuroNav.Build.Sources;
using NeuroNav.Corpus;

namespace NeuroNav.Cli;

/// <summary>The sources besides Neuroscope that a build reads from the corpus, each as the builder's section source.</summary>
internal static class CorpusSections
{
    public static IReadOnlyList<ISectionSource> For(ICorpusReader corpus) => corpus switch
    {
        CorpusStore store => [new NeuroNav.Build.Gpt4.Gpt4SectionSource(new NeuroNav.Corpus.Gpt4.Gpt4Store(store.Root, store.Format))],
        _ => [],
    };
}
