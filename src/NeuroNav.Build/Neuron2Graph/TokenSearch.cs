using NeuroNav.Build.Api;
using NeuroNav.Build.Output;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Build.Neuron2Graph;

/// <summary>The search page at the site root: the models whose token index it queries.</summary>
public sealed record SearchPageModel(IReadOnlyList<string> Models);

/// <summary>
/// Static token search without a server, Neuron2Graph's outputs: per model, <see cref="ApiPaths.TokenIndex"/> (manifest)
/// and <see cref="ApiPaths.TokenShard"/> (<see cref="TokenIndex"/>); at the site root, <see cref="ApiPaths.SearchHtml"/>,
/// which queries every model that has an index from one box. No index is written without a corpus or a neuron store.
/// </summary>
/// <param name="corpus">The Neuron2Graph tables; null when the build does not read them.</param>
internal sealed class TokenSearch(GraphCorpus? corpus) : ISiteOutputs
{
    /// <summary>Writes the model's index from the neuron store of all its layers in the corpus.</summary>
    public async Task WriteModelAsync(ModelInfo model, IOutputFiles output, CancellationToken ct)
    {
        if (corpus is null || corpus.StoreLayers(model.Id) is not { Count: > 0 } layers)
        {
            return;
        }

        var entries = new List<StoreEntry>();
        foreach (var layer in layers)
        {
            entries.AddRange(await corpus.ReadStoreAsync(model.Id, layer, ct).ConfigureAwait(false));
        }

        var (manifest, shards) = TokenIndex.Build(model.Id, entries);
        var producer = $"token index of {model.Id}";
        output.Write(ApiPaths.TokenIndex(model.Id), manifest, producer);
        for (var s = 0; s < shards.Count; s++)
        {
            output.Write(ApiPaths.TokenShard(model.Id, s), shards[s], producer);
        }
    }

    /// <summary>
    /// Writes the search page listing every catalog model whose corpus has a neuron store; every page links to it, so it
    /// is written (saying so) when no model has one.
    /// </summary>
    public void WriteSite(IReadOnlyList<ModelInfo> models, IPageRenderer pages, IOutputFiles output)
    {
        List<string> indexed = corpus is null ? [] : [.. models.Where(m => corpus.StoreLayers(m.Id).Count > 0).Select(m => m.Id)];
        var page = new SitePageModel("search", "Token search", new SearchPageModel(indexed), "assets/search.js");
        output.Write(ApiPaths.SearchHtml, pages.RenderSitePage(page), "search page");
    }
}
