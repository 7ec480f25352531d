using System.Text.Json;
using NeuroNav.Build.Coverage;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;
using NeuroNav.Build.Stats;
using NeuroNav.Core;

namespace NeuroNav.Build.Indexes;

/// <summary>Reads a published layer index (schema <c>layer-index</c>) back into the <see cref="LayerDigest"/> the indexes are built from.</summary>
internal static class LayerIndexReader
{
    /// <param name="origin">Where the bytes came from (an object key or a file), named in errors.</param>
    /// <exception cref="BuildException">Not JSON, not a layer index, or the index of another layer; the message names <paramref name="origin"/>.</exception>
    public static LayerDigest Read(ReadOnlyMemory<byte> bytes, string origin, ModelInfo model, int layer, SourceSet sources)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "schema") != "layer-index")
            {
                throw new BuildException($"{origin}: not a layer index (schema '{(root.ValueKind == JsonValueKind.Object ? Text(root, "schema") : null)}')");
            }

            if (Text(root, "model") != model.Id || root.GetProperty("layer").GetInt32() != layer || root.GetProperty("neurons_per_layer").GetInt32() != model.NeuronsPerLayer)
            {
                throw new BuildException($"{origin}: holds the index of {Text(root, "model")} layer {root.GetProperty("layer")}, not of {model.Id} layer {layer} ({model.NeuronsPerLayer} neurons)");
            }

            var coverage = root.GetProperty("coverage");
            var tally = CoverageTally.FromCounts(sources.Coverage, model.NeuronsPerLayer, id => coverage.TryGetProperty(id, out var c)
                ? (c.GetProperty("present").GetInt64(), c.GetProperty("missing_upstream").GetInt64(), c.GetProperty("failed").GetInt64(), c.GetProperty("invalid").GetInt64())
                : null);
            var rows = root.GetProperty("neurons").EnumerateArray().Select(r => (Rank: r.GetProperty("rank").GetInt32(), Summary: Row(r, sources.Columns))).ToList();
            if (rows.Select(r => r.Rank).Order().Where((rank, i) => rank != i + 1).Any())
            {
                throw new BuildException($"{origin}: the ranks of its {rows.Count} neurons are not 1 to {rows.Count}");
            }

            return new LayerDigest(layer, tally, [.. rows.OrderBy(r => r.Rank).Select(r => r.Summary)]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BuildException($"{origin}: not a valid layer index of {model.Id} layer {layer} ({e.Message})", e);
        }
    }

    private static NeuronSummary Row(JsonElement r, IReadOnlyList<SourceColumn> columns)
    {
        var moments = new Moments(0, null, Float(r, "variance"), Float(r, "skewness"), Float(r, "excess_kurtosis"), Float(r, "fraction_positive"));
        var statistics = new ActivationStatistics(Float(r, "top_example_range"), moments, new TopTokens(Text(r, "top_token"), Float(r, "top_token_share"), 0));
        return new NeuronSummary(
            r.GetProperty("neuron").GetInt32(),
            [.. r.GetProperty("available").EnumerateArray().Select(a => a.GetString()!)],
            Float(r, "max_activation"),
            Double(r, "max_range"))
        {
            Statistics = statistics,
            Columns = [.. columns.Select(c => new ColumnCell(c, c.Kind == ColumnKind.Number ? new ColumnValue(Double(r, c.Key), null) : new ColumnValue(null, Text(r, c.Key))))],
        };
    }

    /// <summary>A property written as a float32 (or null, or absent).</summary>
    private static float? Float(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetSingle() : null;

    private static double? Double(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
