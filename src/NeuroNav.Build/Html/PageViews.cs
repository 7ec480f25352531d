namespace NeuroNav.Build.Html;

// What the Scriban templates see. Scriban exposes properties in snake_case (MaxActivation → max_activation).
// Numbers arrive formatted (invariant culture); strings from the sources are escaped by the templates.

/// <summary>The layout around every page. <see cref="Root"/> is the relative way back to the site root (<c>../../</c>).</summary>
internal sealed record ShellView(string Title, string Root, IReadOnlyList<CrumbView> Crumbs, string? Script, string Generator)
{
    /// <summary>Where the page body goes (<see cref="HtmlSlots"/>).</summary>
    public static int ContentSlot => 0;

    public string Content { get; } = HtmlSlots.Marker(ContentSlot);
}

/// <summary>A breadcrumb; the current page has no link.</summary>
internal sealed record CrumbView(string Label, string? Href);

internal sealed record ModelFactsView(
    string Id,
    string ActivationFunction,
    string Dataset,
    string Layers,
    string NeuronsPerLayer,
    string TotalNeurons,
    string Parameters);

/// <summary>One row of a coverage table, per source.</summary>
internal sealed record CoverageView(
    string Source,
    string Expected,
    string Present,
    string MissingUpstream,
    string Failed,
    string Invalid,
    string NotAttempted);

/// <param name="Gaps">The sources that tried this neuron and have no data for it, with why.</param>
/// <param name="NeuroscopeStatus">Why Neuroscope has no data for it; null when it has.</param>
internal sealed record NeuronView(
    ModelFactsView Facts,
    int Layer,
    int Neuron,
    NeuronLinksView Links,
    NeuroscopeView? Neuroscope,
    IReadOnlyList<SectionView> Sections,
    int? PreviousLayer,
    int? NextLayer,
    IReadOnlyList<CoverageGapView> Gaps,
    CoverageGapView? NeuroscopeStatus);

/// <summary>A source's status for one neuron, in words; <see cref="Reason"/> is the coverage row's, unescaped.</summary>
internal sealed record CoverageGapView(string Source, string Status, string? Reason);

/// <summary>One other source's part of a neuron page: <see cref="Html"/> is its template's output, printed as is.</summary>
/// <param name="Label">What the facts list at the top of the page calls the source's headline (<see cref="Sources.SourceContributions.Headline"/>).</param>
/// <param name="Text">The source's one-line text (an explanation), unescaped; null when it has none.</param>
/// <param name="Score">The source's explanation score, rounded for reading; null when it has none.</param>
internal sealed record SectionView(string Id, string Html, string Label, string? Text, string? Score);

/// <summary>Relative links of a neuron page; <see cref="Original"/> is the absolute neuroscope.io URL.</summary>
internal sealed record NeuronLinksView(string? Previous, string? Next, string Layer, string Model, string Home, string Api, string Original);

/// <summary><see cref="Legend"/> is HTML rendered in C#; each text's <see cref="TextView.Heatmap"/> is the slot of its heatmap.</summary>
/// <param name="MaxRange">Rounded for reading; <see cref="Scale"/> and <see cref="ScaleMin"/> are exact, for neuron.js.</param>
/// <param name="Scale">The colour scale's positive extreme (full red).</param>
/// <param name="ScaleMin">The colour scale's negative extreme (full blue).</param>
internal sealed record NeuroscopeView(
    string MaxRange,
    string MinRange,
    string Scale,
    string ScaleMin,
    string? CircuitsVisVersion,
    string TextCount,
    string Legend,
    IReadOnlyList<TextView> Texts);

internal sealed record TextView(
    int Index,
    string MaxActivation,
    string MinActivation,
    string DataIndex,
    string Dataset,
    int MaxTokenIndex,
    string Window,
    string Heatmap);

/// <summary>The 404 page; <see cref="SitePath"/> starts its every link (<c>/</c> or <c>/repo/</c>).</summary>
internal sealed record NotFoundView(string SitePath);

/// <summary>The URL path a site is served under.</summary>
public static class SiteUrlPath
{
    /// <summary><c>/</c>, <c>/neuronav/</c>, <c>/a/b-c/</c>: starts and ends with a slash, no empty, dot-only or unusual segment.</summary>
    public static bool IsValid(string path) =>
        path.Length > 0 && path[0] == '/' && path[^1] == '/'
        && path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length == path.Count(c => c == '/') - 1
        && path.Split('/', StringSplitOptions.RemoveEmptyEntries).All(s => s.Trim('.').Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));
}
