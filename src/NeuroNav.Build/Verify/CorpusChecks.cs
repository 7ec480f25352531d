using System.Globalization;
using NeuroNav.Build.Api;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Build.Verify;

/// <summary>
/// The site against its corpus: the corpus itself checked against its part lists (every listed part present with its
/// sha256, no unlisted part), every neuron any source holds present with its documents and page for each layer the site
/// was built for (its layer index exists), every neuron document of the site held by the corpus, and each layer index
/// listing as many neurons as the corpus holds.
/// </summary>
internal static class CorpusChecks
{
    public static async Task<long> RunAsync(ICorpusReader corpus, ModelCatalog catalog, SiteFiles site, List<VerifyProblem> problems, CancellationToken ct)
    {
        var files = site.Present;
        if (corpus.OnDisk is not { } root)
        {
            return await StoredOnlyAsync(corpus, catalog, files, problems, ct).ConfigureAwait(false);
        }

        var (damage, _) = await root.CheckAsync(ct).ConfigureAwait(false);
        problems.AddRange(damage.Select(d => new VerifyProblem(d.File, d.Problem)));
        if (damage.Count > 0)
        {
            return 0; // a damaged corpus is not a measure of the site
        }

        var neurons = 0L;
        var held = new Dictionary<(string Model, int Layer), IReadOnlySet<int>>();
        foreach (var (model, layer) in root.HeldLayers())
        {
            var sources = await root.HeldAsync(model, layer, ct).ConfigureAwait(false);
            var all = sources.All;
            held[(model, layer)] = all;
            if (!ModelId.IsValid(model) || !catalog.TryGet(model, out _) || !files.Contains(ApiPaths.LayerIndex(model, layer)))
            {
                continue;
            }

            foreach (var neuron in all.Order())
            {
                neurons++;
                var id = new NeuronId(model, layer, neuron);
                Expect(ApiPaths.Neuron(model, layer, neuron), $"the corpus stores neuron {id}");
                Expect(ApiPaths.NeuronHtml(model, layer, neuron), $"the corpus stores neuron {id}");
                foreach (var (source, holding) in sources.BySource.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    if (holding.Contains(neuron))
                    {
                        Expect(ApiPaths.SourceDocument(source, model, layer, neuron), $"the corpus stores neuron {id} (its {source} data)");
                    }
                }
            }

            var listed = await LayerIndexCountAsync(site, ApiPaths.LayerIndex(model, layer), ct).ConfigureAwait(false);
            if (listed is { } count && count != all.Count)
            {
                problems.Add(new VerifyProblem(ApiPaths.LayerIndex(model, layer), string.Create(
                    CultureInfo.InvariantCulture, $"lists {count} neurons; the corpus holds {all.Count} of {model} layer {layer}")));
            }
        }

        foreach (var path in files.Where(f => Output.ShrinkGuard.NeuronDocument(f) is not null).Order(StringComparer.Ordinal))
        {
            var (model, layer, neuron) = Output.ShrinkGuard.NeuronDocument(path)!.Value;
            if (!held.TryGetValue((model, layer), out var all) || !all.Contains(neuron))
            {
                problems.Add(new VerifyProblem(path, $"the corpus holds no data of {new NeuronId(model, layer, neuron)}: the site has a neuron the corpus does not (built from another or a damaged corpus?)"));
            }
        }

        return neurons;

        void Expect(string path, string why)
        {
            if (!files.Contains(path))
            {
                problems.Add(new VerifyProblem(path, "missing: " + why));
            }
        }
    }

    private static async Task<int?> LayerIndexCountAsync(SiteFiles site, string path, CancellationToken ct)
    {
        try
        {
            await using var stream = site.OpenRead(path);
            using var doc = await System.Text.Json.JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            return doc.RootElement.TryGetProperty("neurons", out var rows) && rows.ValueKind == System.Text.Json.JsonValueKind.Array ? rows.GetArrayLength() : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            return null; // reported by the document checks
        }
    }

    /// <summary>For a corpus that is not on disk (a test double): every stored Neuroscope neuron of each built layer.</summary>
    private static async Task<long> StoredOnlyAsync(ICorpusReader corpus, ModelCatalog catalog, IReadOnlySet<string> files, List<VerifyProblem> problems, CancellationToken ct)
    {
        var neurons = 0L;
        foreach (var (model, layer) in corpus.Partitions())
        {
            if (!ModelId.IsValid(model) || !catalog.TryGet(model, out _) || !files.Contains(ApiPaths.LayerIndex(model, layer)))
            {
                continue;
            }

            await foreach (var neuron in corpus.ReadLayerAsync(model, layer, ct).ConfigureAwait(false))
            {
                neurons++;
                var n = neuron.Id.Neuron;
                foreach (var path in new[] { ApiPaths.Neuron(model, layer, n), ApiPaths.Neuroscope(model, layer, n), ApiPaths.NeuronHtml(model, layer, n) })
                {
                    if (!files.Contains(path))
                    {
                        problems.Add(new VerifyProblem(path, $"missing: the corpus stores neuron {neuron.Id}"));
                    }
                }
            }
        }

        return neurons;
    }
}
