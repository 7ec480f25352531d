using System.Runtime.CompilerServices;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Publish.Tests.Fixtures;

/// <summary>An in-memory corpus of whole neurons, each with a "present" coverage row.</summary>
internal sealed class MemoryCorpus : ICorpusReader
{
    private readonly SortedDictionary<(string Model, int Layer), SortedDictionary<int, NeuroscopeNeuron>> _layers = [];

    public MemoryCorpus Add(NeuroscopeNeuron neuron)
    {
        var key = (neuron.Id.Model, neuron.Id.Layer);
        if (!_layers.TryGetValue(key, out var layer))
        {
            _layers[key] = layer = [];
        }

        layer[neuron.Id.Neuron] = neuron;
        return this;
    }

    public MemoryCorpus Remove(NeuronId id)
    {
        _layers[(id.Model, id.Layer)].Remove(id.Neuron);
        return this;
    }

    public async IAsyncEnumerable<NeuroscopeNeuron> ReadLayerAsync(string model, int layer, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var n in _layers.TryGetValue((model, layer), out var neurons) ? neurons.Values.ToList() : [])
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return n;
        }
    }

    public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CoverageRow>>(_layers.TryGetValue((model, layer), out var neurons)
            ? [.. neurons.Values.Select(n => new CoverageRow(model, layer, n.Id.Neuron, "neuroscope", CoverageStatus.Present, null, n.Provenance.Url, 200, n.Provenance.FetchedAt))]
            : []);

    public IReadOnlyList<(string Model, int Layer)> Partitions() => [.. _layers.Where(l => l.Value.Count > 0).Select(l => l.Key)];
}
