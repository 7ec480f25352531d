namespace NeuroNav.Build.Html;

// What the index, model and layer templates see (Scriban: snake_case). Numbers arrive formatted; strings from the
// sources (explanations, tokens) are escaped by the templates.

/// <summary>A neuron in a listing. <see cref="Href"/> is relative to the page that lists it; "–" stands for no value.</summary>
/// <param name="Rank">Its place in its layer under the default interest ranking (1 = most interesting).</param>
/// <param name="TopToken">The most frequent max-activating token, made visible (whitespace as symbols); null when none.</param>
internal sealed record NeuronRowView(
    int Neuron,
    string Href,
    int Rank,
    string MaxActivation,
    string MaxRange,
    string TopExampleRange,
    string Variance,
    string Skewness,
    string Kurtosis,
    string FractionPositive,
    string? TopToken,
    string TopTokenShare,
    IReadOnlyList<CellView> Cells,
    IReadOnlyList<string?> Texts);

/// <summary>A neuron's cell in a source column: the formatted number ("–" for none), or the text (null for none), unescaped.</summary>
internal sealed record CellView(string? Value, bool Text);

/// <summary>A source column of the layer table: <see cref="Type"/> is <c>number</c> or <c>text</c>, for layer.js.</summary>
internal sealed record ColumnView(string Key, string Type, string Heading);

/// <summary>A link to one neuron page, for the plain list of every neuron of a layer.</summary>
internal sealed record NeuronLinkView(int Neuron, string Href);

/// <summary>The home page: the models with data first, the rest folded.</summary>
/// <param name="Explained">The models with data that a searchable source covers, for the explanation search; its first is the default.</param>
/// <param name="Search">What the explanation search searches ("… explanations").</param>
internal sealed record IndexView(IReadOnlyList<ModelRowView> WithData, IReadOnlyList<ModelRowView> WithoutData, IReadOnlyList<string> Explained, string? Search)
{
    public int ModelCount => WithData.Count + WithoutData.Count;
}

/// <param name="Coverage">Only the sources that cover the model (<see cref="Core.SourceInfo.Covers"/>).</param>
internal sealed record ModelRowView(ModelFactsView Facts, IReadOnlyList<CoverageView> Coverage, string? Href, string LayersWithData);

/// <param name="Explained">What the model's explanation search searches ("… explanations"); null when none covers it.</param>
/// <param name="Notes">What the sources say about their data of the model.</param>
internal sealed record ModelView(ModelFactsView Facts, IReadOnlyList<CoverageView> Coverage, IReadOnlyList<LayerRowView> Layers, string? Explained, IReadOnlyList<Sources.ModelNote> Notes);

internal sealed record LayerRowView(int Layer, string? Href, IReadOnlyList<CoverageView> Coverage, IReadOnlyList<NeuronRowView> Top);

/// <summary>The layer page: the first <see cref="Rows"/> of the default ranking rendered, every neuron linked in <see cref="All"/>.</summary>
/// <param name="PreviousLayer">The page of the nearest earlier layer with data, or null.</param>
/// <param name="Columns">The source columns of the sources that cover the model, numbers first.</param>
/// <param name="TextFilters">What the text filter searches besides the top token ("explanation").</param>
/// <param name="OnlyFilters">The labels of the "only rows with a value" checkboxes.</param>
/// <param name="MissingUpstream">The neurons neuroscope.io answered 404 for, each with its original URL.</param>
internal sealed record LayerView(
    ModelFactsView Facts,
    int Layer,
    IReadOnlyList<CoverageView> Coverage,
    string NeuronCount,
    int Total,
    IReadOnlyList<NeuronRowView> Rows,
    IReadOnlyList<NeuronLinkView> All,
    string? PreviousLayer,
    string? NextLayer,
    string Api,
    int? PreviousLayerNumber,
    int? NextLayerNumber,
    IReadOnlyList<ColumnView> Columns,
    IReadOnlyList<string> TextFilters,
    IReadOnlyList<string> OnlyFilters,
    IReadOnlyList<MissingNeuronView> MissingUpstream);

/// <summary>A neuron the source recorded missing upstream, with the page that answered 404.</summary>
internal sealed record MissingNeuronView(int Neuron, string Original);
