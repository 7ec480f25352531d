using NeuroNav.Corpus;

namespace NeuroNav.Build.Profiles;

/// <summary>How many neurons and texts a layer of the corpus holds, without decoding it when the corpus can tell.</summary>
internal static class LayerCensus
{
    public static async Task<(long Neurons, long Texts)> CountAsync(ICorpusReader corpus, string model, int layer, CancellationToken ct)
    {
        var store = corpus switch
        {
            CorpusStore s => s,
            TrimmedCorpus { Inner: CorpusStore s } => s,
            _ => null,
        };
        if (store is not null)
        {
            // Row counts from the Parquet footers; a neuron refetched and not yet compacted counts twice.
            var stats = await store.StatsAsync(model, layer, ct).ConfigureAwait(false);
            long Rows(string table) => stats.Tables.Where(t => t.Table == table).Sum(t => t.Rows);
            return (Rows("neuroscope_neurons"), Rows("neuroscope_texts"));
        }

        long neurons = 0, texts = 0;
        var source = corpus is TrimmedCorpus t ? t.Inner : corpus;
        await foreach (var n in source.ReadLayerAsync(model, layer, ct).ConfigureAwait(false))
        {
            neurons++;
            texts += n.Texts.Count;
        }

        return (neurons, texts);
    }
}
