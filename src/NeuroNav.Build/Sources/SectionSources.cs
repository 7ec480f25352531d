using System.Text.Json;
using NeuroNav.Build.Output;
using NeuroNav.Build.Pages;
using NeuroNav.Core;

namespace NeuroNav.Build.Sources;

/// <summary>
/// The build side of a source module other than Neuroscope: everything the source adds to the site. Its sections go into
/// the neuron document (under <see cref="SourceInfo.DocumentKey"/>, null where it has nothing), its per-source document
/// (<c>/api/&lt;model&gt;/&lt;source id&gt;/&lt;layer&gt;/&lt;neuron&gt;.json</c>) and the neuron page (template
/// <c>templates/&lt;source id&gt;.sbn</c>); <see cref="Contributions"/> adds its listing columns, schemas, labels and
/// home page; <see cref="Outputs"/> its site-wide and model-wide files. The builder loads one layer of every source before
/// it renders that layer; generic build code never names a source.
/// </summary>
public interface ISectionSource
{
    /// <summary>Names the document key, the service path, the <c>available</c> label and the coverage rows.</summary>
    SourceInfo Source { get; }

    /// <summary>
    /// What the source adds besides its sections: listing columns, schemas, page labels, home page. Its schemas include
    /// its per-source document's, named after its id: the neuron schema takes the source's section from it.
    /// </summary>
    SourceContributions Contributions { get; }

    /// <summary>Files the source writes per model and once per site (its searches), or null when it writes none.</summary>
    ISiteOutputs? Outputs => null;

    /// <summary>What the model page says about the source's data of <paramref name="model"/> (where it comes from), or null for nothing.</summary>
    Task<ModelNote?> ModelNoteAsync(ModelInfo model, CancellationToken ct) => Task.FromResult<ModelNote?>(null);

    /// <summary>What the source has for one layer, held in memory while the layer renders (a few KB per neuron at most).</summary>
    /// <exception cref="BuildException">Stored data that would make a wrong site; the message names the model and layer.</exception>
    Task<ILayerSections> LoadLayerAsync(ModelInfo model, int layer, CancellationToken ct);
}

/// <summary>What a source adds to the site besides its sections.</summary>
/// <param name="Homepage">Where the source publishes its data (the site index lists it).</param>
/// <param name="Headline">What the facts list at the top of a neuron page calls the source's headline (its one-line text and score).</param>
/// <param name="Status">What a neuron page calls the source when it says why the source has no data for the neuron.</param>
public sealed record SourceContributions(string Homepage, string Headline, string Status)
{
    /// <summary>The source's columns in listings and rankings (layer and model indexes and pages), in order.</summary>
    public IReadOnlyList<SourceColumn> Columns { get; init; } = [];

    /// <summary>
    /// The JSON Schemas the source publishes under <c>/api/schema/</c>: its per-source document's (named after the
    /// source's id; its property under the source's document key is the section the neuron schema includes, with the
    /// <c>$defs</c> that section refers to) and any others (its searches').
    /// </summary>
    public IReadOnlyList<SchemaFile> Schemas { get; init; } = [];
}

/// <summary>A note of one source on a model page: a heading, a sentence and facts (raw text; the template escapes it).</summary>
/// <param name="Id">The section's HTML id.</param>
public sealed record ModelNote(string Id, string Heading, string Text, IReadOnlyList<ModelNoteFact> Facts);

/// <summary>One term and its value in a <see cref="ModelNote"/>.</summary>
public sealed record ModelNoteFact(string Term, string Value);

/// <summary>A JSON Schema published as <c>api/schema/&lt;name&gt;.schema.json</c>.</summary>
public sealed record SchemaFile(string Name, byte[] Bytes);

/// <summary>Whether a listing column holds a number (scores, sortable and filterable) or a text (shown last, searchable).</summary>
public enum ColumnKind
{
    Number,
    Text,
}

/// <summary>
/// One column a source adds to the listings: <see cref="Key"/> is its key in the index documents' neuron rows and the
/// layer table's <c>data-key</c>; <see cref="Heading"/> its table heading. A neuron without the source's section has null.
/// </summary>
/// <param name="Filter">For a text column, the word the layer page's text filter names ("explanation"); null for none.</param>
/// <param name="Only">For a text column, the label of the layer page's "only rows with a value" checkbox; null for none.</param>
/// <param name="Search">For a text column the model's explanation search indexes (ranked by the source's first number
/// column), what the search form calls the texts ("… explanations"); null for a column that is not searched.</param>
public sealed record SourceColumn(
    SourceInfo Source, string Key, string Heading, ColumnKind Kind, Func<INeuronSection, ColumnValue> Value, string? Filter = null, string? Only = null, string? Search = null)
{
    /// <summary>What the schemas of the layer and model indexes say the column holds; null for nothing.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the model's explanation search indexes the column.</summary>
    public bool Searchable => Search is not null;

    /// <summary>A score column: the section's number, or null.</summary>
    public static SourceColumn Number(SourceInfo source, string key, string heading, Func<INeuronSection, double?> value) =>
        new(source, key, heading, ColumnKind.Number, s => new ColumnValue(value(s), null));

    /// <summary>A text column: the section's text, or null.</summary>
    public static SourceColumn Text(SourceInfo source, string key, string heading, Func<INeuronSection, string?> value) =>
        new(source, key, heading, ColumnKind.Text, s => new ColumnValue(null, value(s)));
}

/// <summary>One neuron's value in one <see cref="SourceColumn"/>: a number or a text, both null when it has none.</summary>
public readonly record struct ColumnValue(double? Number, string? Text)
{
    public static ColumnValue None => default;
}

/// <summary>A column and one neuron's value in it.</summary>
public readonly record struct ColumnCell(SourceColumn Column, ColumnValue Value);

/// <summary>
/// Files a source writes beside the neuron documents: per model after its layers are built (a search index), and once per
/// site after every model (a search page). The builder calls <see cref="AddLayer"/> for every layer of a model, then
/// <see cref="WriteModelAsync"/>, and <see cref="WriteSite"/> once at the end.
/// </summary>
public interface ISiteOutputs
{
    /// <summary>The summaries of one layer of the model being built (those outside the layer range too).</summary>
    void AddLayer(ModelInfo model, int layer, IReadOnlyList<NeuronSummary> neurons) { }

    Task WriteModelAsync(ModelInfo model, IOutputFiles output, CancellationToken ct);

    /// <param name="models">Every catalog model.</param>
    void WriteSite(IReadOnlyList<ModelInfo> models, IPageRenderer pages, IOutputFiles output);
}

/// <summary>One source's data for one layer. Read from several threads at once; implementations are immutable.</summary>
public interface ILayerSections
{
    /// <summary>The neuron's section, or null when the source has nothing for it.</summary>
    INeuronSection? Get(int neuron);

    /// <summary>
    /// The neurons that have a section, in any order. The layer's neurons (documents, pages, listings) are the union of
    /// these over the sources with the neurons Neuroscope stores; the default, none, suits a source whose sections only
    /// accompany neurons that another source holds.
    /// </summary>
    IEnumerable<int> Neurons => [];
}

/// <summary>One neuron's data from one source, ready to write. Thread-safe to read.</summary>
public interface INeuronSection
{
    /// <summary>Writes the section object: the value of the source's key in the neuron document and of its per-source document.</summary>
    void WriteJson(Utf8JsonWriter writer);

    /// <summary>The source's headline score (what the page shows beside its label), or null when there is none.</summary>
    double? Score { get; }

    /// <summary>A one-line text for the page's facts list; null when the source has none.</summary>
    string? Summary { get; }

    /// <summary>What the source's template (<c>templates/&lt;source id&gt;.sbn</c>) receives as <c>page</c> on the neuron page.</summary>
    object PageView { get; }
}

/// <summary>One source's section of one neuron; <see cref="Label"/> is what the page's facts list calls its headline.</summary>
public sealed record NeuronSection(SourceInfo Source, INeuronSection Data)
{
    public string Label { get; init; } = Source.AvailableLabel;
}

/// <summary>A layer for which no source has anything.</summary>
public sealed class EmptyLayerSections : ILayerSections
{
    public static readonly EmptyLayerSections Instance = new();

    public INeuronSection? Get(int neuron) => null;
}
