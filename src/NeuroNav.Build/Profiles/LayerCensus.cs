using NeuroNav.Corpus;

namespace NeuroNav.Build.Profiles;

/// <summary>How many neurons and texts a layer of the corpus holds, without decoding it when the corpus can tell.</summary>
internal static class LayerCensus
{
    public static async Task<(long Neurons, long Texts)> CountAsync(ICorpusReader corpus, string model, int layer, CancellationToken ct)
    {
        if (corpus.OnDisk is { } root)
        {
            // Row counts from the Parquet footers; a neuron refetched and not yet compacted counts twice.
            var stats = await root.StatsAsync(model, layer, ct).ConfigureAwait(false);
            return (stats.Of(NeuroscopeTables.Neurons).Rows, stats.Of(NeuroscopeTables.Texts).Rows);
        }

        long neurons = 0, texts = 0;
        await foreach (var n in corpus.ReadLayerAsync(model, layer, ct).ConfigureAwait(false))
        {
            neurons++;
            texts += n.Texts.Count;
        }

        return (neurons, texts);
    }
}
