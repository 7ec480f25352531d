using NeuroNav.Build.Sources;
using NeuroNav.Build.Stats;
using NeuroNav.Core;

namespace NeuroNav.Build.Pages;

/// <summary>Counts of the coverage registry for one source over some set of neurons.</summary>
public sealed record CoverageCounts(string Source, long Expected, long Present, long MissingUpstream, long Failed, long Invalid)
{
    /// <summary>The source counted, when known: its label and the models it covers.</summary>
    public SourceInfo? Info { get; init; }

    public long NotAttempted => Expected - Present - MissingUpstream - Failed - Invalid;
}

/// <summary>One neuron's row in its layer's listing.</summary>
public sealed record NeuronSummary(int Neuron, IReadOnlyList<string> Available, float? MaxActivation, double? MaxRange)
{
    /// <summary>The statistics of its stored examples; <see cref="ActivationStatistics.Empty"/> when none were computed.</summary>
    public ActivationStatistics Statistics { get; init; } = ActivationStatistics.Empty;

    /// <summary>Every listing column of the build's sources (<see cref="SourceContributions.Columns"/>) with this neuron's value, in order.</summary>
    public IReadOnlyList<ColumnCell> Columns { get; init; } = [];

    /// <summary>The neuron's value in <paramref name="column"/>; <see cref="ColumnValue.None"/> when it has none.</summary>
    public ColumnValue this[SourceColumn column] => Columns.FirstOrDefault(c => c.Column == column).Value;
}

/// <summary>One layer's row in its model's listing.</summary>
public sealed record LayerSummary(int Layer, IReadOnlyList<CoverageCounts> Coverage, IReadOnlyList<NeuronSummary> Top);

/// <summary>One model's row on the index.</summary>
public sealed record ModelSummary(ModelInfo Model, IReadOnlyList<CoverageCounts> Coverage, IReadOnlyList<int> LayersWithData);

/// <summary>Everything a neuron page shows. <see cref="Neuroscope"/> is null when the source has nothing for it.</summary>
/// <param name="HasPrevious">Whether the site has a page for neuron - 1 of this layer.</param>
/// <param name="HasNext">Whether the site has a page for neuron + 1 of this layer.</param>
/// <param name="NeuroscopeUrl">The original page on neuroscope.io.</param>
/// <param name="Sections">The other sources' sections for this neuron, in document order; empty when none has any.</param>
public sealed record NeuronPageModel(
    ModelInfo Model,
    NeuronId Id,
    NeuroscopeNeuron? Neuroscope,
    bool HasPrevious,
    bool HasNext,
    string NeuroscopeUrl,
    IReadOnlyList<NeuronSection>? Sections = null)
{
    public IReadOnlyList<NeuronSection> Sections { get; init; } = Sections ?? [];

    /// <summary>The model's layers that have pages, ascending; null when every layer is taken to have one.</summary>
    public IReadOnlyList<int>? LayersWithData { get; init; }

    /// <summary>Each source's status for this neuron, Neuroscope first, then document order; empty when unknown.</summary>
    public IReadOnlyList<Coverage.SourceCoverage> Coverage { get; init; } = [];
}

/// <param name="LayersWithData">The model's layers that have pages, ascending; the layer links go to the nearest of them.
/// When null, every layer of the model is taken to have one.</param>
public sealed record LayerPageModel(
    ModelInfo Model, int Layer, IReadOnlyList<CoverageCounts> Coverage, IReadOnlyList<NeuronSummary> Neurons, IReadOnlyList<int>? LayersWithData = null)
{
    /// <summary>The listing columns of the build's sources, in order; the page shows those whose source covers the model.</summary>
    public IReadOnlyList<SourceColumn> Columns { get; init; } = [];

    /// <summary>The neurons of the layer neuroscope.io answered 404 for (coverage status missing upstream), ascending.</summary>
    public IReadOnlyList<int> MissingUpstream { get; init; } = [];

    /// <summary>The nearest layer before this one that has a page, or null.</summary>
    public int? PreviousLayer => LayerLinks.Previous(Model, Layer, LayersWithData);

    /// <summary>The nearest layer after this one that has a page, or null.</summary>
    public int? NextLayer => LayerLinks.Next(Model, Layer, LayersWithData);
}

/// <summary>The nearest layers with pages around a layer: what the previous/next layer links point at without JavaScript.</summary>
public static class LayerLinks
{
    public static int? Previous(ModelInfo model, int layer, IReadOnlyList<int>? withData) =>
        withData is null ? (layer > 0 ? layer - 1 : null) : withData.Where(l => l < layer).Select(l => (int?)l).LastOrDefault();

    public static int? Next(ModelInfo model, int layer, IReadOnlyList<int>? withData) =>
        withData is null ? (layer + 1 < model.Layers ? layer + 1 : null) : withData.Where(l => l > layer).Select(l => (int?)l).FirstOrDefault();
}

public sealed record ModelPageModel(ModelInfo Model, IReadOnlyList<CoverageCounts> Coverage, IReadOnlyList<LayerSummary> Layers)
{
    /// <summary>What the model's explanation search searches ("… explanations"), or null when no searchable source covers it.</summary>
    public string? Search { get; init; }

    /// <summary>What the sources say about their data of the model (where it comes from).</summary>
    public IReadOnlyList<Sources.ModelNote> Notes { get; init; } = [];
}

public sealed record IndexPageModel(IReadOnlyList<ModelSummary> Models)
{
    /// <summary>The searchable columns of the site's sources (<see cref="SourceColumn.Searchable"/>): what the explanation search offers.</summary>
    public IReadOnlyList<SourceColumn> Search { get; init; } = [];
}

/// <summary>A page of its own at the site root (a search page): template <see cref="Template"/> receives <see cref="View"/> as <c>page</c>.</summary>
/// <param name="Title">The page's title and last breadcrumb.</param>
/// <param name="Script">A script under <c>assets/</c> the page loads, or null.</param>
public sealed record SitePageModel(string Template, string Title, object View, string? Script);

/// <summary>A file of the site that does not depend on the corpus (CSS, JS, Markdown pages), by site-relative path.</summary>
public sealed record StaticFile(string Path, byte[] Bytes);

/// <summary>
/// Renders the HTML pages. Paths are site-relative (<c>gpt2-small/3/1337.html</c>); every link a page
/// writes is relative, so the site works under any prefix (GitHub Pages project sites).
/// Implementations are thread-safe: the builder renders neurons on several threads.
/// </summary>
public interface IPageRenderer
{
    byte[] RenderNeuron(NeuronPageModel model);

    byte[] RenderLayer(LayerPageModel model);

    byte[] RenderModel(ModelPageModel model);

    byte[] RenderIndex(IndexPageModel model);

    /// <summary>Whether the renderer has the template a source's part of the neuron page needs (<c>&lt;name&gt;.sbn</c>).</summary>
    bool HasTemplate(string name) => true;

    /// <summary>A page a source writes at the site root (<see cref="ISiteOutputs.WriteSite"/>), such as a search page.</summary>
    byte[] RenderSitePage(SitePageModel page);

    /// <summary>CSS, JS and the Markdown pages of <c>content/</c> rendered to HTML.</summary>
    IReadOnlyList<StaticFile> StaticFiles();
}
