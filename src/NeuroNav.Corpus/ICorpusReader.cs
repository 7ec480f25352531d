using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>What the build stage reads from the corpus.</summary>
public interface ICorpusReader
{
    /// <summary>
    /// The corpus on disk behind this reader (every table of every source, its lock and checks), or null for a reader
    /// that is not backed by one (tests, samples). A reader that wraps another passes the inner one's through.
    /// </summary>
    CorpusRoot? OnDisk => null;

    /// <summary>The stored neurons of a layer, ascending by neuron, the newest copy of each; streams row group by row group.</summary>
    IAsyncEnumerable<NeuroscopeNeuron> ReadLayerAsync(string model, int layer, CancellationToken ct);

    /// <summary>The newest coverage row per (neuron, source) of a layer.</summary>
    Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct);

    /// <summary>Every (model, layer) that has any data or coverage, sorted by catalog-independent (model, layer) order.</summary>
    IReadOnlyList<(string Model, int Layer)> Partitions();
}

/// <summary>What the fetch stage needs from the corpus: what is stored, and a place to store more.</summary>
public interface ICorpusWriter
{
    /// <summary>The neurons of a layer whose Neuroscope data is stored.</summary>
    Task<IReadOnlySet<int>> StoredNeuronsAsync(string model, int layer, CancellationToken ct);

    /// <summary>The newest coverage row per (neuron, source) of a layer.</summary>
    Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct);

    /// <summary>Stores a batch of one layer: the neurons fetched and a coverage row for every attempt. One atomic part file per table.</summary>
    Task WriteBatchAsync(string model, int layer, IReadOnlyList<NeuroscopeNeuron> neurons, IReadOnlyList<CoverageRow> coverage, CancellationToken ct);
}
