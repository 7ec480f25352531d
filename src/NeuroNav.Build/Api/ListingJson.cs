using System.Text.Json;
using System.Text.Json.Serialization;
using NeuroNav.Build.Sources;

namespace NeuroNav.Build.Api;

/// <summary>Writes <see cref="CoverageMapDoc"/>: one object per source, keyed by its id, in the order given.</summary>
internal sealed class CoverageMapConverter : JsonConverter<CoverageMapDoc>
{
    public override CoverageMapDoc Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("coverage maps are only written");

    public override void Write(Utf8JsonWriter writer, CoverageMapDoc value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (source, c) in value.Sources)
        {
            writer.WriteStartObject(source);
            writer.WriteNumber("expected", c.Expected);
            writer.WriteNumber("present", c.Present);
            writer.WriteNumber("missing_upstream", c.MissingUpstream);
            writer.WriteNumber("failed", c.Failed);
            writer.WriteNumber("invalid", c.Invalid);
            writer.WriteNumber("not_attempted", c.NotAttempted);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

/// <summary>Writes <see cref="NeuronSummaryDoc"/>: the statistics, then each source column under its key (null when the neuron has no value).</summary>
internal sealed class NeuronSummaryConverter : JsonConverter<NeuronSummaryDoc>
{
    public override NeuronSummaryDoc Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("neuron summaries are only written");

    public override void Write(Utf8JsonWriter writer, NeuronSummaryDoc value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("neuron", value.Neuron);
        writer.WriteNumber("rank", value.Rank);
        writer.WriteStartArray("available");
        foreach (var label in value.Available)
        {
            writer.WriteStringValue(label);
        }

        writer.WriteEndArray();
        writer.WriteFinite("max_activation", value.MaxActivation);
        writer.WriteFinite("max_range", value.MaxRange);
        writer.WriteFinite("top_example_range", value.TopExampleRange);
        writer.WriteFinite("variance", value.Variance);
        writer.WriteFinite("skewness", value.Skewness);
        writer.WriteFinite("excess_kurtosis", value.ExcessKurtosis);
        writer.WriteFinite("fraction_positive", value.FractionPositive);
        writer.WriteString("top_token", value.TopToken);
        writer.WriteFinite("top_token_share", value.TopTokenShare);
        foreach (var (column, cell) in value.Columns)
        {
            if (column.Kind == ColumnKind.Number)
            {
                writer.WriteFinite(column.Key, cell.Number);
            }
            else
            {
                writer.WriteString(column.Key, cell.Text);
            }
        }

        writer.WriteEndObject();
    }
}
