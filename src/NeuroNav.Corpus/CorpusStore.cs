using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>
/// The Parquet corpus under one root folder, Hive-partitioned by model and layer:
/// <c>{root}/neuroscope_texts/model={m}/layer={l}/part-*.parquet</c>, <c>{root}/neuroscope_neurons/...</c>,
/// <c>{root}/coverage/...</c>. Every file is written atomically.
/// </summary>
public sealed class CorpusStore : ICorpusReader, ICorpusWriter
{
    public CorpusStore(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    /// <summary>The neurons of a layer whose Neuroscope data is stored.</summary>
    public Task<IReadOnlySet<int>> StoredNeuronsAsync(string model, int layer, CancellationToken ct) => throw new NotImplementedException();

    /// <summary>The newest coverage row per (neuron, source) of a layer.</summary>
    public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct) => throw new NotImplementedException();

    /// <summary>Stores a batch of one layer: the neurons fetched and a coverage row for every attempt. One atomic part file per table.</summary>
    public Task WriteBatchAsync(string model, int layer, IReadOnlyList<NeuroscopeNeuron> neurons, IReadOnlyList<CoverageRow> coverage, CancellationToken ct)
        => throw new NotImplementedException();

    /// <summary>The stored neurons of a layer, ascending by neuron, the newest copy of each; streams row group by row group.</summary>
    public IAsyncEnumerable<NeuroscopeNeuron> ReadLayerAsync(string model, int layer, CancellationToken ct) => throw new NotImplementedException();

    /// <summary>Every (model, layer) that has any data or coverage, sorted.</summary>
    public IReadOnlyList<(string Model, int Layer)> Partitions() => throw new NotImplementedException();
}
