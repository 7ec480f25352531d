using NeuroNav.Corpus.Gpt4;

namespace NeuroNav.Fetch.Gpt4;

/// <summary>Turns the parsed OpenAI files into the corpus records NeuroNav keeps.</summary>
public static class Gpt4Mapping
{
    public static IReadOnlyList<Gpt4Explanation> Explanations(NeuronSimulationResults results) =>
        [.. results.ScoredExplanations.Select((e, i) => new Gpt4Explanation(
            i,
            e.Explanation,
            e.ScoredSimulation.EvCorrelationScore,
            e.ScoredSimulation.RSquaredScore,
            e.ScoredSimulation.AbsoluteDevExplainedScore,
            [.. e.ScoredSimulation.ScoredSequenceSimulations.Select((s, j) => new Gpt4Simulation(
                j, s.Simulation.Tokens, s.TrueActivations, s.Simulation.ExpectedActivations, s.EvCorrelationScore, s.RSquaredScore, s.AbsoluteDevExplainedScore))]))];

    public static Gpt4Activations Activations(NeuronRecord record)
    {
        var records = new List<Gpt4ActivationRecord>();
        records.AddRange(record.MostPositiveActivationRecords.Select((r, i) => new Gpt4ActivationRecord(Gpt4RecordKind.Top, 0, i, r.Tokens, r.Activations)));
        for (var b = 0; b < record.RandomSampleByQuantile.Count; b++)
        {
            records.AddRange(record.RandomSampleByQuantile[b].Select((r, i) => new Gpt4ActivationRecord(Gpt4RecordKind.Quantile, b, i, r.Tokens, r.Activations)));
        }

        records.AddRange(record.RandomSample.Select((r, i) => new Gpt4ActivationRecord(Gpt4RecordKind.Random, 0, i, r.Tokens, r.Activations)));
        return new Gpt4Activations(
            record.Mean, record.Variance, record.Skewness, record.Kurtosis, Array.ConvertAll(record.QuantileBoundaries, q => q ?? double.NaN), records);
    }

    public static IReadOnlyList<Gpt4RelatedNeuron> RelatedNeurons(RelatedNeurons related) =>
        [.. Connections(Gpt4Direction.Input, related.Upstream), .. Connections(Gpt4Direction.Output, related.Downstream)];

    public static IReadOnlyList<Gpt4RelatedToken> TokensByActivation(TokenLookupTableSummary summary) =>
        [.. summary.Tokens.Select((t, i) => new Gpt4RelatedToken(Gpt4TokenKind.Activation, i, t, summary.AverageActivations[i]))];

    public static IReadOnlyList<Gpt4RelatedToken> TokensByWeight(WeightBasedSummary summary) =>
        [
            .. Weights(Gpt4TokenKind.InputPositive, summary.InputPositive),
            .. Weights(Gpt4TokenKind.InputNegative, summary.InputNegative),
            .. Weights(Gpt4TokenKind.OutputPositive, summary.OutputPositive),
            .. Weights(Gpt4TokenKind.OutputNegative, summary.OutputNegative),
        ];

    private static IEnumerable<Gpt4RelatedNeuron> Connections(Gpt4Direction direction, NeuronConnections? connections) =>
        connections is null ? [] :
        [
            .. connections.TopPositive.Select((c, i) => new Gpt4RelatedNeuron(direction, true, i, c.Layer, c.Neuron, c.Weight)),
            .. connections.TopNegative.Select((c, i) => new Gpt4RelatedNeuron(direction, false, i, c.Layer, c.Neuron, c.Weight)),
        ];

    private static IEnumerable<Gpt4RelatedToken> Weights(Gpt4TokenKind kind, TokensAndWeights weights) =>
        weights.Tokens.Select((t, i) => new Gpt4RelatedToken(kind, i, t, weights.Strengths[i]));
}
