using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>Rewrites a layer's parts into one part per table, streaming the texts row group by row group.</summary>
internal static class Compactor
{
    public static async Task CompactAsync(CorpusStore store, string model, int layer, CancellationToken ct)
    {
        var dirs = CorpusLayout.Tables.Select(t => store.Dir(t, model, layer)).ToList();
        var old = dirs.SelectMany(CorpusLayout.Parts).ToList();
        if (dirs.All(d => CorpusLayout.Parts(d).Count <= 1))
        {
            return;
        }

        var name = CorpusLayout.NewPartName(dirs);
        var committed = new List<string>();
        try
        {
            var rows = new List<NeuronRow>();
            var textsPath = Path.Combine(store.Dir(CorpusLayout.Texts, model, layer), name);
            var anyTexts = false;
            await PartWriter.WriteAsync(textsPath, TextsTable.Schema, TextsTable.Options(store.Format), async writer =>
            {
                var buffer = new List<NeuroscopeNeuron>();
                var tokens = 0L;
                await foreach (var neuron in store.ReadLayerAsync(model, layer, ct).ConfigureAwait(false))
                {
                    rows.Add(NeuronRow.Of(neuron));
                    if (neuron.Texts.Count == 0)
                    {
                        continue;
                    }

                    buffer.Add(neuron);
                    tokens += neuron.Texts.Sum(t => (long)t.Tokens.Length);
                    if (tokens >= store.Format.RowGroupTokens)
                    {
                        await TextsTable.WriteRowGroupAsync(writer, buffer, ct).ConfigureAwait(false);
                        (anyTexts, tokens) = (true, 0);
                        buffer.Clear();
                    }
                }

                if (buffer.Count > 0)
                {
                    await TextsTable.WriteRowGroupAsync(writer, buffer, ct).ConfigureAwait(false);
                    anyTexts = true;
                }
            }, ct).ConfigureAwait(false);
            committed.Add(textsPath);
            if (!anyTexts)
            {
                File.Delete(textsPath);
                committed.Remove(textsPath);
            }

            if (rows.Count > 0)
            {
                var path = Path.Combine(store.Dir(CorpusLayout.Neurons, model, layer), name);
                await PartWriter.WriteAsync(path, NeuronsTable.Schema, NeuronsTable.Options(store.Format), w => NeuronsTable.WriteRowGroupAsync(w, rows, ct), ct).ConfigureAwait(false);
                committed.Add(path);
            }

            var coverage = await store.ReadCoverageAsync(model, layer, ct).ConfigureAwait(false);
            if (coverage.Count > 0)
            {
                var path = Path.Combine(store.Dir(CorpusLayout.Coverage, model, layer), name);
                await PartWriter.WriteAsync(path, CoverageTable.Schema, CoverageTable.Options(store.Format), w => CoverageTable.WriteRowGroupAsync(w, coverage, ct), ct).ConfigureAwait(false);
                committed.Add(path);
            }
        }
        catch
        {
            PartWriter.RollBack(committed);
            throw;
        }

        // Old neurons parts first: killed midway, no remaining neurons part lacks its texts part.
        foreach (var path in old.OrderBy(p => p.Contains(CorpusLayout.Neurons, StringComparison.Ordinal) ? 0 : 1))
        {
            File.Delete(path);
        }
    }
}
