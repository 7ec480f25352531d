using NeuroNav.Core;

namespace NeuroNav.Corpus.Gpt4;

/// <summary>Assembles a layer's GPT-4 neurons: the newest part listing a neuron in gpt4_files supplies all its rows.</summary>
internal static class Gpt4LayerReader
{
    public static async Task<IReadOnlyList<Gpt4Neuron>> ReadAsync(CorpusRoot root, string model, int layer, Gpt4ReadLimits limits, bool full, CancellationToken ct)
    {
        var pool = new StringPool();
        var winner = new Dictionary<int, string>();
        var files = new Dictionary<int, Dictionary<Gpt4Dataset, Provenance>>();
        foreach (var part in await CommittedParts.OfAsync(root, Gpt4Tables.Files, model, layer, ct).ConfigureAwait(false))
        {
            var name = Path.GetFileName(part);
            foreach (var (neuron, dataset, file) in await Gpt4TableReader.FilesAsync(part, pool, ct).ConfigureAwait(false))
            {
                if (!winner.TryGetValue(neuron, out var seen) || seen != name)
                {
                    winner[neuron] = name;
                    files[neuron] = [];
                }

                files[neuron][dataset] = file;
            }
        }

        if (winner.Count == 0)
        {
            return [];
        }

        var explanations = await CollectAsync(Gpt4Tables.Explanations, p => Gpt4TableReader.ExplanationsAsync(p, pool, ct), r => r.Neuron).ConfigureAwait(false);
        var simulations = full ? await CollectAsync(Gpt4Tables.Simulations, p => Gpt4TableReader.SimulationsAsync(p, pool, ct), r => r.Neuron).ConfigureAwait(false) : [];
        var stats = full ? await CollectAsync(Gpt4Tables.ActivationStats, p => Gpt4TableReader.StatsAsync(p, ct), r => r.Neuron).ConfigureAwait(false) : [];
        var records = full ? await CollectAsync(Gpt4Tables.ActivationRecords, p => Gpt4TableReader.RecordsAsync(p, pool, ct), r => r.Neuron).ConfigureAwait(false) : [];
        var relatedNeurons = full ? await CollectAsync(Gpt4Tables.RelatedNeurons, p => Gpt4TableReader.RelatedNeuronsAsync(p, pool, ct), r => r.Neuron).ConfigureAwait(false) : [];
        var relatedTokens = full ? await CollectAsync(Gpt4Tables.RelatedTokens, p => Gpt4TableReader.RelatedTokensAsync(p, pool, ct), r => r.Neuron).ConfigureAwait(false) : [];

        var result = new List<Gpt4Neuron>(winner.Count);
        foreach (var neuron in winner.Keys.Order())
        {
            var sims = simulations.GetValueOrDefault(neuron);
            var exps = explanations.GetValueOrDefault(neuron)?
                .Select(e => e.Explanation with
                {
                    Simulations = sims?.Where(s => s.Explanation == e.Explanation.Index).Select(s => s.Simulation).OrderBy(s => s.Index).ToList() ?? [],
                })
                .OrderBy(e => e.Index)
                .ToList() ?? [];
            var activations = stats.GetValueOrDefault(neuron)?.Single().Stats;
            if (activations is not null)
            {
                activations = activations with { Records = Cap(records.GetValueOrDefault(neuron)?.Select(r => r.Record), limits.RecordsPerSample) };
            }

            var has = files[neuron];
            result.Add(new Gpt4Neuron(
                new NeuronId(model, layer, neuron),
                has,
                exps,
                activations,
                has.ContainsKey(Gpt4Dataset.RelatedNeurons) ? [.. (relatedNeurons.GetValueOrDefault(neuron) ?? []).Select(r => r.Related)] : null,
                has.ContainsKey(Gpt4Dataset.RelatedTokensByActivation) || has.ContainsKey(Gpt4Dataset.RelatedTokensByWeight)
                    ? [.. (relatedTokens.GetValueOrDefault(neuron) ?? []).Select(r => r.Token).OrderBy(t => t.Kind).ThenBy(t => t.Rank)]
                    : null));
        }

        return result;

        // The rows of one table that come from each neuron's winning part.
        async Task<Dictionary<int, List<T>>> CollectAsync<T>(string table, Func<string, Task<List<T>>> read, Func<T, int> neuronOf)
        {
            var byNeuron = new Dictionary<int, List<T>>();
            var wanted = winner.Values.ToHashSet(StringComparer.Ordinal);
            foreach (var part in (await CommittedParts.OfAsync(root, table, model, layer, ct).ConfigureAwait(false)).Where(p => wanted.Contains(Path.GetFileName(p))))
            {
                var name = Path.GetFileName(part);
                foreach (var row in await read(part).ConfigureAwait(false))
                {
                    var n = neuronOf(row);
                    if (winner.GetValueOrDefault(n) == name)
                    {
                        (byNeuron.TryGetValue(n, out var list) ? list : byNeuron[n] = []).Add(row);
                    }
                }
            }

            return byNeuron;
        }
    }

    private static List<Gpt4ActivationRecord> Cap(IEnumerable<Gpt4ActivationRecord>? records, int perSample) =>
        records is null ? [] : [.. records
            .GroupBy(r => (r.Kind, r.Bucket))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Bucket)
            .SelectMany(g => g.OrderBy(r => r.Index).Take(perSample))];
}
