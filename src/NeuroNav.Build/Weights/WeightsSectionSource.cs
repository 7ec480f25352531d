using System.Collections.Concurrent;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Weights;

namespace NeuroNav.Build.Weights;

/// <summary>
/// The weights section of neuron documents and pages, read from the corpus's weights tables: a neuron has a section (and
/// a page, and "Weight Analysis" in <c>available</c>) exactly where the weights are stored. Connected neurons are linked
/// where the site has their page, i.e. where any source holds them (the corpus census, read once per layer and kept for
/// the run: a bit per neuron). The model page says which checkpoint the numbers come from.
/// </summary>
public sealed class WeightsSectionSource(WeightsStore store) : ISectionSource
{
    private readonly ConcurrentDictionary<(string Model, int Layer), Lazy<Task<IReadOnlySet<int>>>> _pages = new();

    /// <summary>The module without data (a build that does not read the weights tables).</summary>
    public static ISectionSource WithoutData => WeightsModule.WithoutData;

    public SourceInfo Source => SourceInfo.Weights;

    public SourceContributions Contributions => WeightsModule.Contributions;

    public async Task<ILayerSections> LoadLayerAsync(ModelInfo model, int layer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        IReadOnlyList<WeightsNeuron> neurons;
        try
        {
            neurons = await store.ReadLayerAsync(model.Id, layer, ct).ConfigureAwait(false);
        }
        catch (CorpusException e)
        {
            throw new BuildException($"weights data of {model.Id}/{layer}: {e.Message}", e);
        }

        if (neurons.Count == 0)
        {
            return EmptyLayerSections.Instance;
        }

        var pages = new Dictionary<int, IReadOnlySet<int>>();
        var linked = neurons.SelectMany(n => new[] { n.Links.UpstreamExciting, n.Links.UpstreamInhibiting, n.Links.DownstreamExciting, n.Links.DownstreamInhibiting })
            .SelectMany(list => list).Select(x => x.Layer).Distinct().Order();
        foreach (var other in linked)
        {
            if (!model.HasLayer(other))
            {
                throw new BuildException($"weights data of {model.Id}/{layer} links to layer {other}, which {model.Id} does not have");
            }

            pages[other] = await _pages.GetOrAdd((model.Id, other), key => new Lazy<Task<IReadOnlySet<int>>>(
                async () => (await store.Corpus.HeldAsync(key.Model, key.Layer, ct).ConfigureAwait(false)).All)).Value.ConfigureAwait(false);
        }

        bool HasPage(int l, int n) => pages.TryGetValue(l, out var held) && held.Contains(n);
        var sections = new Dictionary<int, WeightsSection>(neurons.Count);
        foreach (var neuron in neurons)
        {
            if (!model.HasNeuron(layer, neuron.Id.Neuron))
            {
                throw new BuildException($"weights data of {model.Id}/{layer} holds neuron {neuron.Id}, which is not a neuron of that layer");
            }

            sections[neuron.Id.Neuron] = new WeightsSection(neuron, HasPage);
        }

        return new Layer(sections);
    }

    /// <summary>The checkpoint, revision, layout and file hashes the model's numbers come from.</summary>
    public async Task<ModelNote?> ModelNoteAsync(ModelInfo model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        var provenance = await store.ReadProvenanceAsync(model.Id, ct).ConfigureAwait(false);
        return provenance is null ? null : WeightsModule.Note(provenance);
    }

    private sealed class Layer(Dictionary<int, WeightsSection> sections) : ILayerSections
    {
        public INeuronSection? Get(int neuron) => sections.GetValueOrDefault(neuron);

        public IEnumerable<int> Neurons => sections.Keys;
    }
}
