using NeuroNav.Core;

namespace NeuroNav.Fetch.Scraping;

/// <summary>
/// Collects the outcomes of one layer from all workers and stores them every <c>batchSize</c> neurons, sorted by
/// neuron so the stored rows do not depend on completion order. A complete batch is always written in full, even
/// after cancellation: writes are short, and what was fetched must not be lost.
/// </summary>
internal sealed class BatchWriter<TNeuron>(IScrapeSource<TNeuron> source, string model, int layer, int batchSize) : IDisposable
    where TNeuron : class
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private List<ScrapedNeuron<TNeuron>> _pending = [];

    public async Task AddAsync(ScrapedNeuron<TNeuron> outcome)
    {
        List<ScrapedNeuron<TNeuron>>? full = null;
        lock (_gate)
        {
            _pending.Add(outcome);
            if (_pending.Count >= batchSize)
            {
                (full, _pending) = (_pending, []);
            }
        }

        if (full is not null)
        {
            await WriteAsync(full).ConfigureAwait(false);
        }
    }

    /// <summary>Stores whatever is pending (the end of a layer, or of a cancelled run).</summary>
    public async Task FlushAsync()
    {
        List<ScrapedNeuron<TNeuron>> rest;
        lock (_gate)
        {
            (rest, _pending) = (_pending, []);
        }

        if (rest.Count > 0)
        {
            await WriteAsync(rest).ConfigureAwait(false);
        }
    }

    public void Dispose() => _writing.Dispose();

    private async Task WriteAsync(List<ScrapedNeuron<TNeuron>> batch)
    {
        batch.Sort((a, b) => a.Coverage.Neuron.CompareTo(b.Coverage.Neuron));
        var neurons = new List<TNeuron>(batch.Count);
        var coverage = new List<CoverageRow>(batch.Count);
        foreach (var outcome in batch)
        {
            coverage.Add(outcome.Coverage);
            if (outcome.Neuron is not null)
            {
                neurons.Add(outcome.Neuron);
            }
        }

        await _writing.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await source.WriteBatchAsync(model, layer, neurons, coverage, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }
}
