using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Build.Neuron2Graph;

/// <summary>
/// The Neuron2Graph section of neuron documents and pages, read from the corpus's N2G tables: a neuron has a section
/// exactly where a graph is stored (so <c>available</c> says "Neuron Graph" exactly there), with its stats and similar
/// neurons when the corpus has them. Its outputs are the static token search (<see cref="TokenSearch"/>).
/// </summary>
public sealed class GraphSectionSource(GraphCorpus corpus) : ISectionSource
{
    /// <summary>
    /// The Neuron2Graph module without data, for a build that does not read the N2G tables: its key is null in every
    /// neuron document, its column empty, and its token search page says that no model has one.
    /// </summary>
    public static ISectionSource WithoutData => Neuron2GraphModule.WithoutData;

    public SourceInfo Source => SourceInfo.Neuron2Graph;

    /// <summary>The neurons with Neuroscope data (hence a page) per (model, layer), read once per build.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Model, int Layer), Lazy<Task<IReadOnlySet<int>>>> _pages = new();

    public SourceContributions Contributions => Neuron2GraphModule.Contributions;

    /// <summary>The token search, from the corpus's neuron store.</summary>
    public ISiteOutputs Outputs => new TokenSearch(corpus);

    public async Task<ILayerSections> LoadLayerAsync(ModelInfo model, int layer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        IReadOnlyDictionary<int, NeuronGraph> graphs;
        IReadOnlyDictionary<int, GraphStats> stats;
        IReadOnlyList<SimilarNeuron> similar;
        try
        {
            graphs = await corpus.ReadGraphsAsync(model.Id, layer, ct).ConfigureAwait(false);
            if (graphs.Count == 0)
            {
                return EmptyLayerSections.Instance;
            }

            stats = await corpus.ReadStatsAsync(model.Id, layer, ct).ConfigureAwait(false);
            similar = await corpus.ReadSimilarAsync(model.Id, layer, ct).ConfigureAwait(false);
        }
        catch (NeuroNav.Corpus.CorpusException e)
        {
            throw new BuildException($"neuron2graph data of {model.Id}/{layer}: {e.Message}", e);
        }

        var pages = new Dictionary<int, IReadOnlySet<int>>();
        foreach (var other in similar.Select(s => s.OtherLayer).Distinct())
        {
            pages[other] = await _pages.GetOrAdd((model.Id, other), key => new Lazy<Task<IReadOnlySet<int>>>(
                () => corpus.Corpus.Neuroscope().StoredNeuronsAsync(key.Model, key.Layer, ct))).Value.ConfigureAwait(false);
        }

        bool HasPage(int l, int n) => pages.TryGetValue(l, out var stored) && stored.Contains(n);
        var similarBy = similar.ToLookup(s => s.Neuron);
        var sections = graphs.ToDictionary(
            g => g.Key,
            g => new GraphSection(g.Value, stats.GetValueOrDefault(g.Key), [.. similarBy[g.Key].OrderBy(s => s.Rank)], HasPage));
        return new Layer(sections);
    }

    private sealed class Layer(Dictionary<int, GraphSection> sections) : ILayerSections
    {
        public INeuronSection? Get(int neuron) => sections.GetValueOrDefault(neuron);

        public IEnumerable<int> Neurons => sections.Keys;
    }
}
