using System.Collections.Concurrent;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;

namespace NeuroNav.Build.Gpt4;

/// <summary>
/// The <c>"GPT-4"</c> section from the corpus's GPT-4 tables: every neuron with at least one explanation gets one.
/// Related neurons are shown with their own top explanation and score, looked up in their layers' explanations
/// (read once per layer and kept for the run: about 100 bytes per neuron), and linked only when the site has the related
/// neuron's page (Neuroscope stores it, or it has an explanation of its own), so a page never links to a page the site
/// cannot have.
/// </summary>
/// <param name="limits">How many records of each collated-activations sample the pages and documents carry.</param>
public sealed class Gpt4SectionSource(Gpt4Store store, Gpt4ReadLimits? limits = null) : ISectionSource
{
    /// <summary>Records per sample (top, each quantile bucket, random) when no limit is given.</summary>
    public const int DefaultRecordsPerSample = 10;

    private readonly Gpt4ReadLimits _limits = limits ?? new Gpt4ReadLimits(DefaultRecordsPerSample);
    private readonly ConcurrentDictionary<(string Model, int Layer), Lazy<Task<IReadOnlyDictionary<int, RelatedInfo>>>> _explanations = new();
    private readonly ConcurrentDictionary<(string Model, int Layer), Lazy<Task<IReadOnlySet<int>>>> _pages = new();

    /// <summary>
    /// The GPT-4 module without data, for a build that does not read the GPT-4 tables: its key is null in every neuron
    /// document, its columns are empty, and its schema, labels and coverage stay in the contract.
    /// </summary>
    public static ISectionSource WithoutData => Gpt4Module.WithoutData;

    public SourceInfo Source => SourceInfo.Gpt4;

    public SourceContributions Contributions => Gpt4Module.Contributions;

    public async Task<ILayerSections> LoadLayerAsync(ModelInfo model, int layer, CancellationToken ct)
    {
        IReadOnlyList<Gpt4Neuron> neurons;
        try
        {
            neurons = await store.ReadLayerAsync(model.Id, layer, _limits, ct).ConfigureAwait(false);
        }
        catch (CorpusException e)
        {
            throw new BuildException($"GPT-4 data of {model.Id}/{layer}: {e.Message}", e);
        }

        if (neurons.Count == 0)
        {
            return EmptyLayerSections.Instance;
        }

        var related = new Dictionary<(int Layer, int Neuron), RelatedInfo>();
        foreach (var other in neurons.SelectMany(n => n.RelatedNeurons ?? []).Select(r => r.Layer).Distinct().Order())
        {
            if (!model.HasLayer(other))
            {
                continue;
            }

            var stored = await _pages.GetOrAdd((model.Id, other), key => new Lazy<Task<IReadOnlySet<int>>>(
                () => store.Corpus.Neuroscope().StoredNeuronsAsync(key.Model, key.Layer, ct))).Value.ConfigureAwait(false);
            var explained = await ExplanationsOfAsync(model.Id, other, ct).ConfigureAwait(false);
            foreach (var neuron in stored.Union(explained.Keys))
            {
                var info = explained.GetValueOrDefault(neuron);
                // A neuron with an explanation has a page (the GPT-4 section alone makes one), as has one Neuroscope stores.
                related[(other, neuron)] = new RelatedInfo(info?.Explanation, info?.Score, stored.Contains(neuron) || info is not null);
            }
        }

        var sections = new Dictionary<int, Gpt4Section>();
        foreach (var neuron in neurons)
        {
            if (!model.HasNeuron(layer, neuron.Id.Neuron))
            {
                throw new BuildException($"GPT-4 data of {model.Id}/{layer} holds neuron {neuron.Id}, which is not a neuron of that layer");
            }

            if (neuron.Explanations.Count > 0)
            {
                sections[neuron.Id.Neuron] = new Gpt4Section(neuron, related);
            }
        }

        return new Layer(sections);
    }

    private Task<IReadOnlyDictionary<int, RelatedInfo>> ExplanationsOfAsync(string model, int layer, CancellationToken ct) =>
        _explanations.GetOrAdd((model, layer), key => new Lazy<Task<IReadOnlyDictionary<int, RelatedInfo>>>(async () =>
        {
            var neurons = await store.ReadExplanationsAsync(key.Model, key.Layer, ct).ConfigureAwait(false);
            return neurons.Where(n => n.Explanations.Count > 0)
                .ToDictionary(n => n.Id.Neuron, n => new RelatedInfo(n.Explanations[0].Text, n.Explanations[0].EvCorrelationScore, HasPage: false));
        })).Value;

    private sealed class Layer(Dictionary<int, Gpt4Section> sections) : ILayerSections
    {
        public INeuronSection? Get(int neuron) => sections.GetValueOrDefault(neuron);

        public IEnumerable<int> Neurons => sections.Keys;
    }
}

/// <summary>What the corpus knows of a related neuron: its own top explanation and score, and whether the site has its page (Neuroscope data or an explanation stored).</summary>
public sealed record RelatedInfo(string? Explanation, double? Score, bool HasPage);
