using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus.Weights;

/// <summary>
/// The weights tables: <c>weights_neurons</c> (one row per neuron: its token lists, connection lists and statistics, each
/// list as parallel list columns) and <c>weights_provenance</c> (one row per file the layer's numbers were computed from).
/// The partition supplies model and layer. Every write of a layer replaces what was stored for it (it takes the older
/// parts off the list in the same commit), so compaction only drops superseded parts.
/// </summary>
public static class WeightsTables
{
    public const string Neurons = "weights_neurons";
    public const string Provenance = "weights_provenance";

    /// <summary>Bumped when a column changes meaning or shape.</summary>
    public const int SchemaVersion = 1;

    public static readonly IReadOnlyList<string> Tables = [Neurons, Provenance];

    public static readonly IReadOnlyList<CorpusTable> All =
    [
        new(Neurons, NeuroNav.Core.SourceInfo.Weights.Id, SchemaVersion, TableCompaction.NewestPart()) { Census = true },
        new(Provenance, NeuroNav.Core.SourceInfo.Weights.Id, SchemaVersion, TableCompaction.NewestPart()),
    ];

    public static readonly DataField Neuron = new DataField<int>("neuron");

    /// <summary>The token lists' column prefixes, in the order of <see cref="WeightTokens"/>.</summary>
    public static readonly IReadOnlyList<string> TokenLists = ["promoted", "suppressed", "input_highest", "input_lowest"];

    /// <summary>The connection lists' column prefixes, in the order of <see cref="WeightLinks"/>.</summary>
    public static readonly IReadOnlyList<string> LinkLists = ["upstream_exciting", "upstream_inhibiting", "downstream_exciting", "downstream_inhibiting"];

    /// <summary>The statistics' columns, in the order of <see cref="WeightStats"/>.</summary>
    public static readonly IReadOnlyList<DataField> StatColumns =
    [
        .. new[] { "input_norm", "output_norm", "in_out_cosine", "in_strength", "out_strength", "in_strength_percentile", "out_strength_percentile" }
            .Select(n => (DataField)new DataField<float>(n)),
    ];

    /// <summary><c>{list}_token</c> (id), <c>{list}_text</c>, <c>{list}_value</c> per token list.</summary>
    public static readonly IReadOnlyList<(ListField Id, ListField Text, ListField Value)> TokenColumns =
    [
        .. TokenLists.Select(p => (List<int>($"{p}_token"), new ListField($"{p}_text", new DataField<string>("element", false)), List<float>($"{p}_value"))),
    ];

    /// <summary><c>{list}_layer</c>, <c>{list}_neuron</c>, <c>{list}_value</c> per connection list.</summary>
    public static readonly IReadOnlyList<(ListField Layer, ListField Neuron, ListField Value)> LinkColumns =
    [
        .. LinkLists.Select(p => (List<int>($"{p}_layer"), List<int>($"{p}_neuron"), List<float>($"{p}_value"))),
    ];

    public static readonly ParquetSchema NeuronsSchema = new(
    [
        Neuron,
        .. TokenColumns.SelectMany(c => new Field[] { c.Id, c.Text, c.Value }),
        .. LinkColumns.SelectMany(c => new Field[] { c.Layer, c.Neuron, c.Value }),
        .. StatColumns,
    ]);

    public static class ProvenanceColumns
    {
        public static readonly DataField ModelRepository = new DataField<string>("model_repository", false);
        public static readonly DataField Revision = new DataField<string>("revision", false);
        public static readonly DataField Commit = new DataField<string>("commit_sha", true);
        public static readonly DataField Layout = new DataField<string>("layout", false);
        public static readonly DataField Kind = new DataField<string>("kind", false);
        public static readonly DataField Repository = new DataField<string>("repository", false);
        public static readonly DataField File = new DataField<string>("file", false);
        public static readonly DataField Sha256 = new DataField<string>("sha256", false);
        public static readonly DataField Bytes = new DataField<long>("bytes");
        public static readonly DataField ComputedAt = NeuronsTable.Timestamp("computed_at");
        public static readonly DataField Definitions = new DataField<int>("definitions_version");
        public static readonly ParquetSchema Schema = new(ModelRepository, Revision, Commit, Layout, Kind, Repository, File, Sha256, Bytes, ComputedAt, Definitions);
    }

    internal static ParquetOptions NeuronsOptions(CorpusFormat format) => format.WriterOptions(
        dictionary: TokenColumns.Select(c => Item(c.Text)),
        byteStreamSplit: [.. TokenColumns.Select(c => Item(c.Value)), .. LinkColumns.Select(c => Item(c.Value)), .. StatColumns],
        delta: [Neuron, .. TokenColumns.Select(c => Item(c.Id)), .. LinkColumns.SelectMany(c => new[] { Item(c.Layer), Item(c.Neuron) })]);

    internal static ParquetOptions ProvenanceOptions(CorpusFormat format) => format.WriterOptions([], [], []);

    public static DataField Item(ListField list) => (DataField)list.Item;

    private static ListField List<T>(string name) => new(name, new DataField<T>("element"));
}
