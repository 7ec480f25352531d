using System.Globalization;
using System.Text.Json;
using NeuroNav.Core;
using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>
/// Parses N2G's <c>stats.json</c> (docs/sources/neuron2graph.md#stats-file, docs/sources/neuron2graph.md#stats-quirks): <c>{layer: {neuron: report}}</c> with string keys.
/// A layer key that appears twice (a resumed run) contributes the neurons of both objects; a neuron that appears twice
/// keeps the later report, as Python's json.load would. <c>{}</c> is a failed evaluation (<see cref="GraphStats.Empty"/>);
/// a missing class "1" leaves <see cref="GraphStats.Firing"/> null; bare NaN and -Infinity are read as such.
/// </summary>
public static class StatsParser
{
    /// <exception cref="GraphFormatException">Not JSON, or not of that shape; the reason names the key.</exception>
    public static IReadOnlyList<GraphStats> Parse(ReadOnlySpan<byte> bytes, string model)
    {
        using var doc = PythonJson.Parse(bytes, "stats.json");
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new GraphFormatException("stats.json is not an object of layers");
        }

        var byNeuron = new Dictionary<(int Layer, int Neuron), GraphStats>();
        foreach (var layerProperty in doc.RootElement.EnumerateObject())
        {
            var layer = Index(layerProperty.Name, "layer key");
            if (layerProperty.Value.ValueKind != JsonValueKind.Object)
            {
                throw new GraphFormatException($"stats.json layer \"{layerProperty.Name}\" is not an object");
            }

            foreach (var neuronProperty in layerProperty.Value.EnumerateObject())
            {
                var neuron = Index(neuronProperty.Name, $"layer {layer}: neuron key");
                var id = new NeuronId(model, layer, neuron);
                byNeuron[(layer, neuron)] = Report(neuronProperty.Value, id);
            }
        }

        return [.. byNeuron.OrderBy(p => p.Key.Layer).ThenBy(p => p.Key.Neuron).Select(p => p.Value)];
    }

    private static GraphStats Report(JsonElement report, NeuronId id)
    {
        var where = $"stats.json {id.Layer}/{id.Neuron}";
        if (report.ValueKind != JsonValueKind.Object)
        {
            throw new GraphFormatException($"{where} is not an object");
        }

        ClassStats? quiet = null, firing = null, macro = null, weighted = null;
        double? accuracy = null, correlation = null;
        var any = false;
        foreach (var p in report.EnumerateObject())
        {
            any = true;
            switch (p.Name)
            {
                case "0": quiet = Class(p.Value, $"{where} \"0\""); break;
                case "1": firing = Class(p.Value, $"{where} \"1\""); break;
                case "macro avg": macro = Class(p.Value, $"{where} \"macro avg\""); break;
                case "weighted avg": weighted = Class(p.Value, $"{where} \"weighted avg\""); break;
                case "accuracy": accuracy = PythonJson.Number(p.Value, $"{where} accuracy"); break;
                case "correlation": correlation = PythonJson.Number(p.Value, $"{where} correlation"); break;
                default: break;
            }
        }

        return new GraphStats(id, quiet, firing, accuracy, macro, weighted, correlation, Empty: !any);
    }

    private static ClassStats Class(JsonElement value, string where)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new GraphFormatException($"{where} is not an object");
        }

        double? precision = null, recall = null, f1 = null, support = null;
        foreach (var p in value.EnumerateObject())
        {
            switch (p.Name)
            {
                case "precision": precision = PythonJson.Number(p.Value, $"{where} precision"); break;
                case "recall": recall = PythonJson.Number(p.Value, $"{where} recall"); break;
                case "f1-score": f1 = PythonJson.Number(p.Value, $"{where} f1-score"); break;
                case "support": support = PythonJson.Number(p.Value, $"{where} support"); break;
                default: break;
            }
        }

        return new ClassStats(precision, recall, f1, support);
    }

    private static int Index(string key, string what) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new GraphFormatException($"stats.json {what} \"{key}\" is not a non-negative integer");
}
