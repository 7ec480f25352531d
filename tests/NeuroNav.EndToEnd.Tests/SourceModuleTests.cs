using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Build.Profiles;
using NeuroNav.Build.Weights;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Modules;

namespace NeuroNav.EndToEnd.Tests;

/// <summary>The module list against what the demo really stores and builds: every table has one owner, every section its module.</summary>
public sealed class SourceModuleTests(GraphDemoSite site) : IClassFixture<GraphDemoSite>
{
    [Fact]
    public void Every_table_of_the_demo_corpus_belongs_to_exactly_one_module_or_is_the_shared_coverage()
    {
        var tables = Directory.GetDirectories(site.Corpus.Root).Select(Path.GetFileName).Where(t => !t!.StartsWith('_')).Order(StringComparer.Ordinal);

        var owned = SourceModules.All.SelectMany(m => m.CorpusTables).Append("coverage").Order(StringComparer.Ordinal);

        Assert.Equal(owned, tables);
        Assert.Equal(SourceModules.All.Sum(m => m.CorpusTables.Count), SourceModules.All.SelectMany(m => m.CorpusTables).Distinct().Count());
    }

    [Fact]
    public void The_modules_are_the_sources_of_the_neuron_document_each_once()
    {
        Assert.Equal(SourceInfo.All.Select(s => s.Id).Order(StringComparer.Ordinal), SourceModules.All.Select(m => m.Info.Id).Order(StringComparer.Ordinal));
        Assert.Equal(SourceModules.All.Select(m => m.Info.Id), SourceModules.All.Select(m => m.Fetch.Id));
    }

    [Fact]
    public void A_trimmed_corpus_gets_the_sections_of_the_corpus_it_trims_and_a_corpus_not_on_disk_every_module_without_data()
    {
        var sections = SourceModules.SectionsFor(TrimmedCorpus.For(site.Corpus, BuildProfile.Pages)).Select(s => s.GetType());

        Assert.Equal([typeof(Gpt4SectionSource), typeof(GraphSectionSource), typeof(WeightsSectionSource)], sections);
        Assert.Equal([Gpt4SectionSource.WithoutData, GraphSectionSource.WithoutData, WeightsSectionSource.WithoutData], SourceModules.SectionsFor(new NoCorpus()));
        Assert.Equal([Gpt4SectionSource.WithoutData, GraphSectionSource.WithoutData, WeightsSectionSource.WithoutData], SourceModules.SectionsFor(null));
    }

    /// <summary>A corpus that is not a folder on disk (as the build's tests use): no source's tables to read, every key kept.</summary>
    private sealed class NoCorpus : ICorpusReader
    {
        public IAsyncEnumerable<NeuroscopeNeuron> ReadLayerAsync(string model, int layer, CancellationToken ct) => AsyncEnumerable.Empty<NeuroscopeNeuron>();

        public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct) => Task.FromResult<IReadOnlyList<CoverageRow>>([]);

        public IReadOnlyList<(string Model, int Layer)> Partitions() => [];
    }
}
