using NeuroNav.Core;

namespace NeuroNav.Build.Sources;

/// <summary>The other sources' data of one layer, loaded together, and each neuron's view of it.</summary>
internal sealed class NeuronSections
{
    private readonly IReadOnlyList<(ISectionSource Source, ILayerSections Layer)> _layers;

    private NeuronSections(IReadOnlyList<(ISectionSource, ILayerSections)> layers) => _layers = layers;

    public static readonly NeuronSections None = new([]);

    /// <summary>Loads one layer of every source, in document order (<see cref="SourceSet.Sections"/>).</summary>
    public static async Task<NeuronSections> LoadAsync(SourceSet sources, ModelInfo model, int layer, CancellationToken ct)
    {
        var layers = new List<(ISectionSource, ILayerSections)>(sources.Sections.Count);
        foreach (var source in sources.Sections)
        {
            layers.Add((source, await source.LoadLayerAsync(model, layer, ct).ConfigureAwait(false)));
        }

        return new NeuronSections(layers);
    }

    /// <summary>The sections the sources have for <paramref name="neuron"/>; empty (not allocated) when none has any.</summary>
    public IReadOnlyList<NeuronSection> For(int neuron)
    {
        List<NeuronSection>? found = null;
        foreach (var (source, layer) in _layers)
        {
            if (layer.Get(neuron) is { } data)
            {
                (found ??= []).Add(new NeuronSection(source.Source, data) { Label = source.Contributions.Headline });
            }
        }

        return found is null ? [] : found;
    }

    /// <summary>The neurons some source other than Neuroscope has a section for, ascending.</summary>
    public IReadOnlyList<int> Neurons()
    {
        var neurons = new SortedSet<int>();
        foreach (var (_, layer) in _layers)
        {
            neurons.UnionWith(layer.Neurons);
        }

        return [.. neurons];
    }

    /// <summary>
    /// The neuron document's <c>available</c> labels: Neuroscope's when it holds the neuron, then each section's, in
    /// document order.
    /// </summary>
    public static IReadOnlyList<string> Available(bool neuroscope, IReadOnlyList<NeuronSection> sections) =>
        neuroscope
            ? [SourceInfo.Neuroscope.AvailableLabel, .. sections.Select(s => s.Source.AvailableLabel)]
            : [.. sections.Select(s => s.Source.AvailableLabel)];
}
