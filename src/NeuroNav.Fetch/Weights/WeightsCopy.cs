using System.Diagnostics;
using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Weights;
using NeuroNav.Weights;

namespace NeuroNav.Fetch.Weights;

/// <summary>
/// <c>fetch weights --from-corpus DIR</c>: copies a model's stored analysis from another corpus instead of computing it,
/// as the rebuild's partition jobs take what its per-model weights job computed once. Each layer asked for is copied
/// whole with the provenance it was computed from; a layer already stored from the same files is skipped (unless
/// refreshing); a layer or neuron the other corpus lacks stops the fetch naming it, before anything is written.
/// </summary>
internal static class WeightsCopy
{
    public static async Task<FetchReport> RunAsync(
        WeightsStore store, ModelInfo model, string fromCorpus, SortedDictionary<int, List<int>> wanted, bool refresh, IProgress<ScrapeProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var from = CorpusRoot.Open(fromCorpus).Weights();
        var total = wanted.Sum(l => (long)l.Value.Count);
        progress?.Report(new ScrapeProgress(total, 0, 0, 0));

        // Everything is read and checked first, so a corpus that lacks a layer changes nothing here.
        var layers = new List<(int Layer, IReadOnlyList<WeightsNeuron> Rows, WeightsProvenance Provenance)>();
        foreach (var (layer, neurons) in wanted)
        {
            var provenance = await from.ReadProvenanceAsync(model.Id, layer, ct).ConfigureAwait(false)
                ?? throw new WeightsException(Say(model, $"{Path.GetFullPath(fromCorpus)} holds no weights of layer {layer} (compute them there with 'neuronav fetch weights --model {model.Id}')"));
            var keep = neurons.ToHashSet();
            var rows = (await from.ReadLayerAsync(model.Id, layer, ct).ConfigureAwait(false)).Where(n => keep.Contains(n.Id.Neuron)).ToList();
            if (rows.Count < keep.Count)
            {
                var lacking = keep.Except(rows.Select(r => r.Id.Neuron)).Min();
                throw new WeightsException(Say(model, $"{Path.GetFullPath(fromCorpus)} holds {rows.Count} of the {keep.Count} neurons asked for in layer {layer}; it lacks {model.Id}/{layer}/{lacking}"));
            }

            layers.Add((layer, rows, provenance));
        }

        long stored = 0, skipped = 0;
        foreach (var (layer, rows, provenance) in layers)
        {
            ct.ThrowIfCancellationRequested();
            if (!refresh && await HoldsAsync(store, model.Id, layer, rows.Select(r => r.Id.Neuron), provenance, ct).ConfigureAwait(false))
            {
                skipped += rows.Count;
            }
            else
            {
                await store.WriteLayerAsync(model.Id, layer, rows, provenance, ct).ConfigureAwait(false);
                stored += rows.Count;
            }

            progress?.Report(new ScrapeProgress(total, stored + skipped, 0, 0));
        }

        var first = layers.Count == 0 ? null : layers[0].Provenance;
        FetchDetail[] details =
        [
            new("copied from", Path.GetFullPath(fromCorpus)),
            .. first is null ? [] : new[] { new FetchDetail("checkpoint", $"{first.Checkpoint} ({first.Layout})") },
        ];
        return new FetchReport(SourceInfo.Weights.Id, new ScrapeReport(total, skipped, stored, 0, 0, 0, false, clock.Elapsed, []), details, []);
    }

    /// <summary>Whether the layer already holds <paramref name="neurons"/>, computed from the same files under the same definitions.</summary>
    public static async Task<bool> HoldsAsync(WeightsStore store, string model, int layer, IEnumerable<int> neurons, WeightsProvenance provenance, CancellationToken ct)
    {
        var stored = await store.ReadProvenanceAsync(model, layer, ct).ConfigureAwait(false);
        if (stored is null || !stored.SameInputs(provenance))
        {
            return false;
        }

        var held = (await store.Corpus.HeldAsync(model, layer, ct).ConfigureAwait(false)).Of(SourceInfo.Weights.Id);
        return neurons.All(held.Contains);
    }

    private static string Say(ModelInfo model, string message) => string.Create(CultureInfo.InvariantCulture, $"fetch weights: {model.Id}: {message}");
}
