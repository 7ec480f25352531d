using System.Runtime.CompilerServices;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Build.Tests.Fakes;

/// <summary>An in-memory corpus: neurons and coverage rows per (model, layer), read back sorted as the real one does.</summary>
internal sealed class FakeCorpus : ICorpusReader
{
    private static readonly DateTimeOffset Attempted = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly SortedDictionary<(string Model, int Layer), SortedDictionary<int, NeuroscopeNeuron>> _neurons = [];
    private readonly SortedDictionary<(string Model, int Layer), Dictionary<(int, string), CoverageRow>> _coverage = [];

    /// <summary>Layers read with <see cref="ReadLayerAsync"/>, in order.</summary>
    public List<(string Model, int Layer)> LayersRead { get; } = [];

    /// <summary>Returns neurons in the order added instead of sorted (to test the builder's checks).</summary>
    public bool Unsorted { get; set; }

    /// <summary>Stores the neuron and a "present" coverage row for it.</summary>
    public FakeCorpus Add(NeuroscopeNeuron neuron)
    {
        var key = (neuron.Id.Model, neuron.Id.Layer);
        if (!_neurons.TryGetValue(key, out var layer))
        {
            _neurons[key] = layer = [];
        }

        layer[neuron.Id.Neuron] = neuron;
        return Cover(neuron.Id, CoverageStatus.Present);
    }

    public FakeCorpus Remove(NeuronId id)
    {
        _neurons[(id.Model, id.Layer)].Remove(id.Neuron);
        _coverage[(id.Model, id.Layer)].Remove((id.Neuron, SourceInfo.Neuroscope.Id));
        return this;
    }

    public FakeCorpus Cover(NeuronId id, CoverageStatus status, string source = "neuroscope")
    {
        var key = (id.Model, id.Layer);
        if (!_coverage.TryGetValue(key, out var rows))
        {
            _coverage[key] = rows = [];
        }

        rows[(id.Neuron, source)] = new CoverageRow(
            id.Model, id.Layer, id.Neuron, source, status, status == CoverageStatus.Present ? null : "test", $"https://neuroscope.io/{id}.html", 200, Attempted);
        return this;
    }

    public async IAsyncEnumerable<NeuroscopeNeuron> ReadLayerAsync(string model, int layer, [EnumeratorCancellation] CancellationToken ct)
    {
        LayersRead.Add((model, layer));
        if (!_neurons.TryGetValue((model, layer), out var neurons))
        {
            yield break;
        }

        var ordered = Unsorted ? neurons.Values.Reverse() : neurons.Values;
        foreach (var neuron in ordered.ToList())
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return neuron;
        }
    }

    public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CoverageRow>>(
            _coverage.TryGetValue((model, layer), out var rows) ? [.. rows.Values] : []);

    public IReadOnlyList<(string Model, int Layer)> Partitions() =>
        [.. _neurons.Where(p => p.Value.Count > 0).Select(p => p.Key).Union(_coverage.Where(p => p.Value.Count > 0).Select(p => p.Key)).Order()];
}
