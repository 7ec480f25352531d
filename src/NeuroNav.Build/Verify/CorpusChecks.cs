using NeuroNav.Build.Api;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Build.Verify;

/// <summary>For every layer the site was built for (its layer index exists), every stored neuron has its documents and page.</summary>
internal static class CorpusChecks
{
    public static async Task<long> RunAsync(ICorpusReader corpus, ModelCatalog catalog, IReadOnlySet<string> files, List<VerifyProblem> problems, CancellationToken ct)
    {
        var neurons = 0L;
        foreach (var (model, layer) in corpus.Partitions())
        {
            if (!ModelId.IsValid(model) || !catalog.TryGet(model, out _) || !files.Contains(ApiPaths.LayerIndex(model, layer)))
            {
                continue;
            }

            foreach (var neuron in await StoredAsync(corpus, model, layer, ct).ConfigureAwait(false))
            {
                neurons++;
                foreach (var path in new[] { ApiPaths.Neuron(model, layer, neuron), ApiPaths.Neuroscope(model, layer, neuron), ApiPaths.NeuronHtml(model, layer, neuron) })
                {
                    if (!files.Contains(path))
                    {
                        problems.Add(new VerifyProblem(path, $"missing: the corpus stores neuron {new NeuronId(model, layer, neuron)}"));
                    }
                }
            }
        }

        return neurons;
    }

    private static async Task<IReadOnlyCollection<int>> StoredAsync(ICorpusReader corpus, string model, int layer, CancellationToken ct)
    {
        if (corpus is ICorpusWriter ids)
        {
            return await ids.StoredNeuronsAsync(model, layer, ct).ConfigureAwait(false);
        }

        var stored = new List<int>();
        await foreach (var neuron in corpus.ReadLayerAsync(model, layer, ct).ConfigureAwait(false))
        {
            stored.Add(neuron.Id.Neuron);
        }

        return stored;
    }
}
