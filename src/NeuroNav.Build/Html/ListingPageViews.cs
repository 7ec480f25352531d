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
    string Gpt4Score,
    string GraphScore,
    string? Explanation);

/// <summary>A link to one neuron page, for the plain list of every neuron of a layer.</summary>
internal sealed record NeuronLinkView(int Neuron, string Href);

internal sealed record IndexView(IReadOnlyList<ModelRowView> Models);

internal sealed record ModelRowView(ModelFactsView Facts, IReadOnlyList<CoverageView> Coverage, string? Href, string LayersWithData);

internal sealed record ModelView(ModelFactsView Facts, IReadOnlyList<CoverageView> Coverage, IReadOnlyList<LayerRowView> Layers);

internal sealed record LayerRowView(int Layer, string? Href, IReadOnlyList<CoverageView> Coverage, IReadOnlyList<NeuronRowView> Top);

/// <summary>The layer page: the first <see cref="Rows"/> of the default ranking rendered, every neuron linked in <see cref="All"/>.</summary>
/// <param name="PreviousLayer">The previous layer's page when the model has one (its existence is checked in the browser).</param>
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
    string Api);
