using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus.Gpt4;

/// <summary>
/// The GPT-4 (OpenAI neuron-explainer) tables: their folder names and Parquet schemas. The partition supplies model
/// and layer; every table has the <c>neuron</c> column; the parts of one batch share one name across tables.
/// </summary>
public static class Gpt4Tables
{
    public const string Files = "gpt4_files";
    public const string Explanations = "gpt4_explanations";
    public const string Simulations = "gpt4_simulations";
    public const string ActivationStats = "gpt4_activation_stats";
    public const string ActivationRecords = "gpt4_activation_records";
    public const string RelatedNeurons = "gpt4_related_neurons";
    public const string RelatedTokens = "gpt4_related_tokens";

    /// <summary>Written in this order; <see cref="Files"/> last, so a neuron is listed only once all its rows are committed.</summary>
    public static readonly string[] DataTables = [Explanations, Simulations, ActivationStats, ActivationRecords, RelatedNeurons, RelatedTokens, Files];

    public static readonly DataField Neuron = new DataField<int>("neuron");

    /// <summary>
    /// The descriptors, one compaction group: a neuron's rows come from the newest part that lists it in <see cref="Files"/>,
    /// so compaction reads the layer as the build does (all samples) and writes it back as one part per table. Cost: the
    /// layer's GPT-4 rows in memory, as a full read of the layer holds them.
    /// </summary>
    public static readonly IReadOnlyList<CorpusTable> All = Describe();

    private static CorpusTable[] Describe()
    {
        var compaction = TableCompaction.Rewrite(async (scope, ct) =>
        {
            var neurons = await Gpt4LayerReader.ReadAsync(scope.Root, scope.Model, scope.Layer, Gpt4ReadLimits.None, full: true, ct).ConfigureAwait(false);
            await Gpt4Store.WriteDataAsync(scope.Batch, scope.Name, neurons, scope.Root.Format, ct).ConfigureAwait(false);
        });
        return [.. DataTables.Select(t => new CorpusTable(t, NeuroNav.Core.SourceInfo.Gpt4.Id, 1, compaction) { Census = t == Explanations })];
    }

    public static class FileColumns
    {
        public static readonly DataField Dataset = new DataField<string>("dataset", false);
        public static readonly DataField Url = new DataField<string>("url", false);
        public static readonly DataField FetchedAt = NeuronsTable.Timestamp("fetched_at");
        public static readonly DataField Sha256 = new DataField<string>("sha256", false);
        public static readonly DataField RawBytes = new DataField<long>("raw_bytes");
        public static readonly ParquetSchema Schema = new(Neuron, Dataset, Url, FetchedAt, Sha256, RawBytes);
    }

    public static class ExplanationColumns
    {
        public static readonly DataField Index = new DataField<int>("explanation_index");
        public static readonly DataField Text = new DataField<string>("explanation", false);
        public static readonly DataField Ev = new DataField<double?>("ev_correlation_score");
        public static readonly DataField RSquared = new DataField<double?>("rsquared_score");
        public static readonly DataField AbsDev = new DataField<double?>("absolute_dev_explained_score");
        public static readonly ParquetSchema Schema = new(Neuron, Index, Text, Ev, RSquared, AbsDev);
    }

    public static class SimulationColumns
    {
        public static readonly DataField ExplanationIndex = new DataField<int>("explanation_index");
        public static readonly DataField SequenceIndex = new DataField<int>("sequence_index");
        public static readonly ListField Tokens = new("tokens", new DataField<string>("element", false));
        public static readonly ListField True = new("true_activations", new DataField<float>("element"));
        public static readonly ListField Simulated = new("simulated_activations", new DataField<float>("element"));
        public static readonly DataField Ev = new DataField<double?>("ev_correlation_score");
        public static readonly DataField RSquared = new DataField<double?>("rsquared_score");
        public static readonly DataField AbsDev = new DataField<double?>("absolute_dev_explained_score");
        public static readonly ParquetSchema Schema = new(Neuron, ExplanationIndex, SequenceIndex, Tokens, True, Simulated, Ev, RSquared, AbsDev);
    }

    public static class StatsColumns
    {
        public static readonly DataField Mean = new DataField<double?>("mean");
        public static readonly DataField Variance = new DataField<double?>("variance");
        public static readonly DataField Skewness = new DataField<double?>("skewness");
        public static readonly DataField Kurtosis = new DataField<double?>("kurtosis");
        public static readonly ListField Boundaries = new("quantile_boundaries", new DataField<double>("element"));
        public static readonly ParquetSchema Schema = new(Neuron, Mean, Variance, Skewness, Kurtosis, Boundaries);
    }

    public static class RecordColumns
    {
        public static readonly DataField Kind = new DataField<string>("kind", false);
        public static readonly DataField Bucket = new DataField<int>("bucket");
        public static readonly DataField Index = new DataField<int>("record_index");
        public static readonly ListField Tokens = new("tokens", new DataField<string>("element", false));
        public static readonly ListField Activations = new("activations", new DataField<float>("element"));
        public static readonly ParquetSchema Schema = new(Neuron, Kind, Bucket, Index, Tokens, Activations);
    }

    public static class RelatedNeuronColumns
    {
        public static readonly DataField Direction = new DataField<string>("direction", false);
        public static readonly DataField Sign = new DataField<string>("sign", false);
        public static readonly DataField Rank = new DataField<int>("rank");
        public static readonly DataField Layer = new DataField<int>("related_layer");
        public static readonly DataField RelatedNeuron = new DataField<int>("related_neuron");
        public static readonly DataField Weight = new DataField<double?>("weight");
        public static readonly ParquetSchema Schema = new(Neuron, Direction, Sign, Rank, Layer, RelatedNeuron, Weight);
    }

    public static class RelatedTokenColumns
    {
        public static readonly DataField Kind = new DataField<string>("kind", false);
        public static readonly DataField Rank = new DataField<int>("rank");
        public static readonly DataField Token = new DataField<string>("token", false);
        public static readonly DataField Value = new DataField<double?>("value");
        public static readonly ParquetSchema Schema = new(Neuron, Kind, Rank, Token, Value);
    }

    public static ParquetOptions Options(string table, CorpusFormat format) => table switch
    {
        Files => format.WriterOptions([FileColumns.Dataset], [], [Neuron, FileColumns.RawBytes]),
        Explanations => format.WriterOptions([], [], [Neuron, ExplanationColumns.Index]),
        Simulations => format.WriterOptions(
            [Item(SimulationColumns.Tokens)], [Item(SimulationColumns.True), Item(SimulationColumns.Simulated)], [Neuron, SimulationColumns.ExplanationIndex, SimulationColumns.SequenceIndex]),
        ActivationStats => format.WriterOptions([], [], [Neuron]),
        ActivationRecords => format.WriterOptions(
            [RecordColumns.Kind, Item(RecordColumns.Tokens)], [Item(RecordColumns.Activations)], [Neuron, RecordColumns.Bucket, RecordColumns.Index]),
        RelatedNeurons => format.WriterOptions(
            [RelatedNeuronColumns.Direction, RelatedNeuronColumns.Sign], [], [Neuron, RelatedNeuronColumns.Rank, RelatedNeuronColumns.Layer, RelatedNeuronColumns.RelatedNeuron]),
        RelatedTokens => format.WriterOptions([RelatedTokenColumns.Kind, RelatedTokenColumns.Token], [], [Neuron, RelatedTokenColumns.Rank]),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "not a GPT-4 table"),
    };

    public static DataField Item(ListField list) => (DataField)list.Item;
}
