using System.Runtime.CompilerServices;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Build.Profiles;

/// <summary>A few neurons per layer, held in memory, for the planner's measuring builds.</summary>
internal sealed class SampleCorpus(IReadOnlyDictionary<(string Model, int Layer), IReadOnlyList<NeuroscopeNeuron>> layers) : ICorpusReader
{
    private static readonly DateTimeOffset Attempted = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async IAsyncEnumerable<NeuroscopeNeuron> ReadLayerAsync(string model, int layer, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var neuron in layers.TryGetValue((model, layer), out var neurons) ? neurons : [])
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return neuron;
        }
    }

    /// <summary>A present row per neuron; a layer without neurons gets one missing row, so that it still exists.</summary>
    public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct)
    {
        var neurons = layers.TryGetValue((model, layer), out var n) ? n : [];
        IReadOnlyList<CoverageRow> rows = neurons.Count == 0
            ? [new CoverageRow(model, layer, 0, SourceInfo.Neuroscope.Id, CoverageStatus.MissingUpstream, "plan", "", 404, Attempted)]
            : [.. neurons.Select(x => new CoverageRow(model, layer, x.Id.Neuron, SourceInfo.Neuroscope.Id, CoverageStatus.Present, null, x.Provenance.Url, 200, Attempted))];
        return Task.FromResult(rows);
    }

    public IReadOnlyList<(string Model, int Layer)> Partitions() => [.. layers.Keys.Order()];
}
