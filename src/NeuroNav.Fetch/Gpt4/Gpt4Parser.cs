using System.Globalization;
using System.Text.Json;
using static NeuroNav.Fetch.Gpt4.Gpt4FileJson;

namespace NeuroNav.Fetch.Gpt4;

/// <summary>
/// Parses the five datasets of OpenAI's neuron-explainer release (docs/sources/gpt4.md#the-five-datasets). Accepts every variant docs/sources/gpt4.md#variants-the-parser-accepts
/// lists: with or without <c>dataclass_name</c>, the 2023 and the older/newer field names, null or bare
/// NaN/Infinity numbers, a <c>.jsonl</c> body with blank or trailing lines. Every error is an
/// <see cref="Gpt4FormatException"/> whose message starts with <c>source</c> (the URL or file).
/// </summary>
public static class Gpt4Parser
{
    public static NeuronSimulationResults ParseExplanations(ReadOnlyMemory<byte> bytes, string source)
    {
        using var doc = Parse(bytes, source);
        var root = Object(doc.RootElement, source, "the file");
        var list = Get(root, "scored_explanations", "scored_explanation_or_baseline_list")
            ?? throw Missing(source, "the file", "scored_explanations");
        var explanations = Array(list, source, "scored_explanations")
            .Select((e, i) => Explanation(e, source, Path("scored_explanations", i)))
            .ToList();
        return new NeuronSimulationResults(NeuronId(root, source), explanations);
    }

    public static NeuronRecord ParseNeuronRecord(ReadOnlyMemory<byte> bytes, string source)
    {
        using var doc = Parse(bytes, source);
        var root = Object(doc.RootElement, source, "the file");
        if (Get(root, "most_positive_activation_records", "random_sample", "mean") is null)
        {
            throw new Gpt4FormatException(source, "not a NeuronRecord: it has none of most_positive_activation_records, random_sample, mean");
        }

        var quantiles = Array(Get(root, "random_sample_by_quantile"), source, "random_sample_by_quantile")
            .Select((bucket, b) => (IReadOnlyList<ActivationRecord>)Records(bucket, source, Path("random_sample_by_quantile", b)))
            .ToList();
        return new NeuronRecord(
            NeuronId(root, source),
            Records(Get(root, "random_sample"), source, "random_sample"),
            quantiles,
            Scores(Get(root, "quantile_boundaries"), source, "quantile_boundaries"),
            Score(Get(root, "mean"), source, "mean"),
            Score(Get(root, "variance"), source, "variance"),
            Score(Get(root, "skewness"), source, "skewness"),
            Score(Get(root, "kurtosis"), source, "kurtosis"),
            Records(Get(root, "most_positive_activation_records"), source, "most_positive_activation_records"));
    }

    public static RelatedNeurons ParseRelatedNeurons(ReadOnlyMemory<byte> bytes, string source)
    {
        using var doc = Parse(bytes, source);
        var root = Object(doc.RootElement, source, "the file");
        if (Get(root, "c_fc") is null && Get(root, "c_proj") is null)
        {
            throw new Gpt4FormatException(source, "not a related-neurons file: it has neither 'c_fc' nor 'c_proj'");
        }

        return new RelatedNeurons(Connections(Get(root, "c_fc"), source, "c_fc"), Connections(Get(root, "c_proj"), source, "c_proj"));
    }

    public static TokenLookupTableSummary ParseRelatedTokensByActivation(ReadOnlyMemory<byte> bytes, string source)
    {
        using var doc = Parse(bytes, source);
        var root = Object(doc.RootElement, source, "the file");
        var tokens = Strings(Get(root, "tokens") ?? throw Missing(source, "the file", "tokens"), source, "tokens");
        var values = Scores(Get(root, "average_activations") ?? throw Missing(source, "the file", "average_activations"), source, "average_activations");
        SameLength(tokens.Length, values.Length, source, "tokens", "average_activations");
        return new TokenLookupTableSummary(tokens, values);
    }

    public static WeightBasedSummary ParseRelatedTokensByWeight(ReadOnlyMemory<byte> bytes, string source)
    {
        using var doc = Parse(bytes, source);
        var root = Object(doc.RootElement, source, "the file");
        return new WeightBasedSummary(
            TokenWeights(root, "input_positive", source),
            TokenWeights(root, "input_negative", source),
            TokenWeights(root, "output_positive", source),
            TokenWeights(root, "output_negative", source));
    }

    private static ScoredExplanation Explanation(JsonElement value, string source, string what)
    {
        var obj = Object(value, source, what);
        var text = String(Get(obj, "explanation", "explanation_or_baseline") ?? throw Missing(source, what, "explanation"), source, what + ".explanation");
        var sim = RequiredObject(obj, source, what, "scored_simulation");
        var sequences = Array(Get(sim, "scored_sequence_simulations"), source, what + ".scored_simulation.scored_sequence_simulations")
            .Select((s, i) => Sequence(s, source, Path(what + ".scored_simulation.scored_sequence_simulations", i)))
            .ToList();
        return new ScoredExplanation(text, new ScoredSimulation(
            sequences,
            Score(Get(sim, "ev_correlation_score"), source, what + ".ev_correlation_score"),
            Score(Get(sim, "rsquared_score"), source, what + ".rsquared_score"),
            Score(Get(sim, "absolute_dev_explained_score"), source, what + ".absolute_dev_explained_score")));
    }

    private static ScoredSequenceSimulation Sequence(JsonElement value, string source, string what)
    {
        var obj = Object(value, source, what);
        var simulation = Simulation(RequiredObject(obj, source, what, "simulation", "sequence_simulation"), source, what + ".simulation", nested: false);
        var truth = Floats(Get(obj, "true_activations") ?? throw Missing(source, what, "true_activations"), source, what + ".true_activations");
        SameLength(simulation.Tokens.Length, truth.Length, source, what + ".simulation.tokens", what + ".true_activations");
        return new ScoredSequenceSimulation(
            simulation,
            truth,
            Score(Get(obj, "ev_correlation_score"), source, what + ".ev_correlation_score"),
            Score(Get(obj, "rsquared_score"), source, what + ".rsquared_score"),
            Score(Get(obj, "absolute_dev_explained_score"), source, what + ".absolute_dev_explained_score"));
    }

    private static SequenceSimulation Simulation(JsonElement obj, string source, string what, bool nested)
    {
        var tokens = Strings(Get(obj, "tokens") ?? throw Missing(source, what, "tokens"), source, what + ".tokens");
        var expected = Floats(Get(obj, "expected_activations") ?? throw Missing(source, what, "expected_activations"), source, what + ".expected_activations");
        SameLength(tokens.Length, expected.Length, source, what + ".tokens", what + ".expected_activations");
        var scale = Get(obj, "activation_scale", "unit") is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
        var valuesPath = what + ".distribution_values";
        var probabilitiesPath = what + ".distribution_probabilities";
        var values = Array(Get(obj, "distribution_values"), source, valuesPath).Select(v => Floats(v, source, valuesPath)).ToArray();
        var probabilities = Array(Get(obj, "distribution_probabilities"), source, probabilitiesPath).Select(v => Floats(v, source, probabilitiesPath)).ToArray();
        SameLength(values.Length, probabilities.Length, source, what + ".distribution_values", what + ".distribution_probabilities");
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Length != probabilities[i].Length)
            {
                SameLength(values[i].Length, probabilities[i].Length, source, Path(what + ".distribution_values", i), Path(what + ".distribution_probabilities", i));
            }
        }

        SequenceSimulation? inner = null;
        if (Get(obj, "uncalibrated_simulation") is { ValueKind: JsonValueKind.Object } u)
        {
            if (nested)
            {
                throw new Gpt4FormatException(source, $"{what}.uncalibrated_simulation nests a second level");
            }

            inner = Simulation(u, source, what + ".uncalibrated_simulation", nested: true);
        }

        return new SequenceSimulation(tokens, expected, scale, values, probabilities, inner);
    }

    private static List<ActivationRecord> Records(JsonElement? value, string source, string what) =>
        [.. Array(value, source, what).Select((r, i) => Record(r, source, Path(what, i)))];

    private static ActivationRecord Record(JsonElement value, string source, string what)
    {
        var obj = Object(value, source, what);
        var tokens = Strings(Get(obj, "tokens") ?? throw Missing(source, what, "tokens"), source, what + ".tokens");
        var activations = Floats(Get(obj, "activations") ?? throw Missing(source, what, "activations"), source, what + ".activations");
        SameLength(tokens.Length, activations.Length, source, what + ".tokens", what + ".activations");
        return new ActivationRecord(tokens, activations);
    }

    private static NeuronConnections? Connections(JsonElement? value, string source, string what)
    {
        if (value is null or { ValueKind: JsonValueKind.Null })
        {
            return null;
        }

        var obj = Object(value.Value, source, what);
        return new NeuronConnections(Connected(obj, "positive", source, what), Connected(obj, "negative", source, what));
    }

    private static List<ConnectedNeuron> Connected(JsonElement obj, string sign, string source, string what)
    {
        var ids = Strings(Get(obj, $"top_{sign}_neurons"), source, $"{what}.top_{sign}_neurons");
        var weights = Scores(Get(obj, $"top_{sign}_weights"), source, $"{what}.top_{sign}_weights");
        SameLength(ids.Length, weights.Length, source, $"{what}.top_{sign}_neurons", $"{what}.top_{sign}_weights");
        var result = new List<ConnectedNeuron>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            var (layer, neuron) = ParseId(ids[i], source, Path($"{what}.top_{sign}_neurons", i));
            result.Add(new ConnectedNeuron(layer, neuron, weights[i]));
        }

        return result;
    }

    /// <summary>A neuron id written <c>"L_N"</c> (decimal, no sign).</summary>
    internal static (int Layer, int Neuron) ParseId(string id, string source, string what)
    {
        var sep = id.IndexOf('_', StringComparison.Ordinal);
        return sep > 0
            && int.TryParse(id.AsSpan(0, sep), NumberStyles.None, CultureInfo.InvariantCulture, out var layer)
            && int.TryParse(id.AsSpan(sep + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var neuron)
                ? (layer, neuron)
                : throw new Gpt4FormatException(source, $"{what} = '{id}' is not a neuron id \"layer_neuron\"");
    }

    private static TokensAndWeights TokenWeights(JsonElement root, string key, string source)
    {
        var obj = RequiredObject(root, source, "the file", key);
        var tokens = Strings(Get(obj, "tokens") ?? throw Missing(source, key, "tokens"), source, key + ".tokens");
        var strengths = Scores(Get(obj, "strengths") ?? throw Missing(source, key, "strengths"), source, key + ".strengths");
        SameLength(tokens.Length, strengths.Length, source, key + ".tokens", key + ".strengths");
        return new TokensAndWeights(tokens, strengths);
    }

    private static void SameLength(int a, int b, string source, string whatA, string whatB)
    {
        if (a != b)
        {
            throw new Gpt4FormatException(source, string.Create(CultureInfo.InvariantCulture, $"{whatA} has {a} entries but {whatB} has {b}"));
        }
    }

    private static string Path(string what, int index) => string.Create(CultureInfo.InvariantCulture, $"{what}[{index}]");
}
