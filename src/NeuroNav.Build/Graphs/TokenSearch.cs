using NeuroNav.Build.Api;
using NeuroNav.Build.Output;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus.Graphs;

namespace NeuroNav.Build.Graphs;

/// <summary>The search page at the site root: the models whose token index it queries.</summary>
public sealed record SearchPageModel(IReadOnlyList<string> Models);

/// <summary>
/// Static token search without a server: per model, <c>/api/&lt;model&gt;/search/tokens/index.json</c> (manifest) and
/// <c>.../&lt;shard&gt;.json</c> (<see cref="TokenIndex"/>); at the site root, <c>search.html</c>, which queries every model that
/// has an index from one box. Nothing is written when the build has no Neuron2Graph source or the corpus no neuron store.
/// </summary>
internal static class TokenSearch
{
    public static string ManifestPath(string model) => $"api/{model}/search/tokens/index.json";

    public static string ShardPath(string model, int shard) => $"api/{model}/search/tokens/{shard}.json";

    /// <summary>Writes the model's index from the neuron store of all its layers in the corpus.</summary>
    public static async Task WriteModelAsync(IReadOnlyList<ISectionSource> sources, ModelInfo model, OutputWriter output, CancellationToken ct)
    {
        if (sources.OfType<GraphSectionSource>().FirstOrDefault() is not { } graphs || graphs.Corpus.StoreLayers(model.Id) is not { Count: > 0 } layers)
        {
            return;
        }

        var entries = new List<StoreEntry>();
        foreach (var layer in layers)
        {
            entries.AddRange(await graphs.Corpus.ReadStoreAsync(model.Id, layer, ct).ConfigureAwait(false));
        }

        var (manifest, shards) = TokenIndex.Build(model.Id, entries);
        var producer = $"token index of {model.Id}";
        output.Write(ManifestPath(model.Id), manifest, producer);
        for (var s = 0; s < shards.Count; s++)
        {
            output.Write(ShardPath(model.Id, s), shards[s], producer);
        }
    }

    /// <summary>
    /// Writes <c>search.html</c> listing every catalog model whose corpus has a neuron store; every page links to it,
    /// so it is written (saying so) when no model has one.
    /// </summary>
    public static void WritePage(IReadOnlyList<ISectionSource> sources, IPageRenderer pages, ModelCatalog catalog, OutputWriter output)
    {
        List<string> models = sources.OfType<GraphSectionSource>().FirstOrDefault() is { } graphs
            ? [.. catalog.Models.Where(m => graphs.Corpus.StoreLayers(m.Id).Count > 0).Select(m => m.Id)]
            : [];
        output.Write("search.html", pages.RenderSearch(new SearchPageModel(models)), "search page");
    }
}
