using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;

namespace NeuroNav.Fetch.OpenAi;

/// <summary>
/// Collects a layer's outcomes from all workers and stores every <c>batchSize</c> neurons as one batch (sorted by
/// neuron). A complete batch is always written in full, even after cancellation.
/// </summary>
internal sealed class Gpt4BatchWriter(Gpt4Store store, string model, int layer, int batchSize) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private List<Gpt4Outcome> _pending = [];

    public async Task AddAsync(Gpt4Outcome outcome)
    {
        List<Gpt4Outcome>? full = null;
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

    public async Task FlushAsync()
    {
        List<Gpt4Outcome> rest;
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

    private async Task WriteAsync(List<Gpt4Outcome> batch)
    {
        batch.Sort((a, b) => a.Coverage.Neuron.CompareTo(b.Coverage.Neuron));
        List<Gpt4Neuron> neurons = [.. batch.Where(o => o.Neuron is not null).Select(o => o.Neuron!)];
        List<CoverageRow> coverage = [.. batch.Select(o => o.Coverage)];
        await _writing.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await store.WriteBatchAsync(model, layer, neurons, coverage, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }
}
