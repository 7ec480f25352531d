using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Fetch.Tests.Scrape;

/// <summary>A corpus in memory that keeps every batch written, so tests can see what was stored and when.</summary>
internal sealed class InMemoryCorpus : ICorpusWriter
{
    private readonly Lock _gate = new();
    private readonly List<Batch> _batches = [];

    public sealed record Batch(string Model, int Layer, IReadOnlyList<NeuroscopeNeuron> Neurons, IReadOnlyList<CoverageRow> Coverage);

    public IReadOnlyList<Batch> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>The newest stored copy of each neuron of a layer.</summary>
    public IReadOnlyDictionary<int, NeuroscopeNeuron> Stored(string model, int layer)
    {
        var stored = new Dictionary<int, NeuroscopeNeuron>();
        foreach (var batch in Batches.Where(b => b.Model == model && b.Layer == layer))
        {
            foreach (var neuron in batch.Neurons)
            {
                stored[neuron.Id.Neuron] = neuron;
            }
        }

        return stored;
    }

    /// <summary>The newest coverage row of each neuron of a layer.</summary>
    public IReadOnlyDictionary<int, CoverageRow> Coverage(string model, int layer)
    {
        var rows = new Dictionary<int, CoverageRow>();
        foreach (var batch in Batches.Where(b => b.Model == model && b.Layer == layer))
        {
            foreach (var row in batch.Coverage)
            {
                rows[row.Neuron] = row;
            }
        }

        return rows;
    }

    public Task<IReadOnlySet<int>> StoredNeuronsAsync(string model, int layer, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<int>>(Stored(model, layer).Keys.ToHashSet());

    public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CoverageRow>>([.. Coverage(model, layer).Values]);

    public Task WriteBatchAsync(string model, int layer, IReadOnlyList<NeuroscopeNeuron> neurons, IReadOnlyList<CoverageRow> coverage, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _batches.Add(new Batch(model, layer, [.. neurons], [.. coverage]));
        }

        return Task.CompletedTask;
    }
}
