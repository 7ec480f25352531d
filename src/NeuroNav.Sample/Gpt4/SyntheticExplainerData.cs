using NeuroNav.Core;
using NeuroNav.Sample.Formats;
using NeuroNav.Sample.Synthetic;

namespace NeuroNav.Sample.Gpt4;

/// <summary>One scored sequence: tokens, true activations, the simulator's normalized (0..10) and calibrated values, scores (null when NaN).</summary>
public sealed record SyntheticSequence(string[] Tokens, double[] True, double[] Normalized, double[] Simulated, double? Ev, double? RSquared, double? AbsDev);

public sealed record SyntheticExplanation(string Text, double? Ev, double? RSquared, double? AbsDev, IReadOnlyList<SyntheticSequence> Sequences);

public sealed record SyntheticRecord(string[] Tokens, double[] Activations);

/// <summary>The synthetic OpenAI data of one gpt2-small neuron of the sample, before it is written in OpenAI's formats.</summary>
public sealed record SyntheticOpenAiNeuron(
    NeuronId Id,
    IReadOnlyList<SyntheticExplanation> Explanations,
    IReadOnlyList<SyntheticRecord> Top,
    IReadOnlyList<IReadOnlyList<SyntheticRecord>> Quantiles,
    IReadOnlyList<SyntheticRecord> Random,
    double[] QuantileBoundaries,
    double? Mean,
    double? Variance,
    double? Skewness,
    double? Kurtosis,
    IReadOnlyList<(int Layer, int Neuron, double Weight)>? UpstreamPositive,
    IReadOnlyList<(int Layer, int Neuron, double Weight)>? UpstreamNegative,
    IReadOnlyList<(int Layer, int Neuron, double Weight)> DownstreamPositive,
    IReadOnlyList<(int Layer, int Neuron, double Weight)> DownstreamNegative,
    IReadOnlyList<(string Token, double Value)> TokensByActivation,
    IReadOnlyList<IReadOnlyList<(string Token, double Strength)>> TokensByWeight);

/// <summary>Deterministic synthetic values for OpenAI's files; scores are computed from the values as OpenAI's scoring does.</summary>
internal static class SyntheticExplainerData
{
    private static readonly string[] Phrases =
    [
        "commas in lists", "the word \"the\" after a preposition", "closing brackets in code", "numbers in dates",
        "verbs ending in -ing", "names of cities", "the start of a new sentence", "quotation marks", "plural nouns",
        "words about time", "mathematical operators", "the token \" of\"",
    ];

    public static SyntheticOpenAiNeuron Create(NeuronId id, ulong seed, Gpt4SampleKind kind, int tokens = 0)
    {
        var random = new SplitMix64(seed);
        var peak = Round(2 + (8 * random.NextDouble()));
        var explanations = new List<SyntheticExplanation> { Explanation(ref random, peak, Phrases[random.Next(Phrases.Length)], flat: kind == Gpt4SampleKind.NullScore, tokens) };
        if (kind == Gpt4SampleKind.TwoExplanations)
        {
            explanations.Add(Explanation(ref random, peak, Phrases[random.Next(Phrases.Length)] + " or nearby punctuation", flat: false, tokens));
        }

        var top = Enumerable.Range(0, 10).Select(i => Record(ref random, peak * (1 - (0.05 * i)), tokens)).ToList();
        var quantiles = Enumerable.Range(0, 5).Select(b => (IReadOnlyList<SyntheticRecord>)[.. Enumerable.Range(0, 2).Select(_ => Record(ref random, peak * (0.05 + (0.2 * b)), tokens))]).ToList();
        var randoms = Enumerable.Range(0, 5).Select(_ => Record(ref random, peak * 0.1, tokens)).ToList();
        var all = top.Concat(quantiles.SelectMany(q => q)).Concat(randoms).SelectMany(r => r.Activations).ToArray();
        var (mean, variance, skewness, kurtosis) = Moments(all);
        var boundaries = new[] { 0.5, 0.9, 0.99, 0.999 }.Select(q => Round(Quantile(all, q))).ToArray();

        var upstream = id.Layer == 0 ? null : Related(ref random, 0, 16, 3, positive: true);
        var upstreamNegative = id.Layer == 0 ? null : Related(ref random, 0, 16, 2, positive: false);
        var downstreamLayer = id.Layer == 0 ? 3 : id.Layer + 1;
        var byActivation = Enumerable.Range(0, 8).Select(i => (TokenVocabulary.Draw(TokenVocabulary.Prose, ref random), Round(peak * (1 - (0.1 * i))))).ToList();
        var byWeight = Enumerable.Range(0, 4).Select(k => (IReadOnlyList<(string, double)>)[.. Enumerable.Range(0, 5)
            .Select(i => (TokenVocabulary.Draw(TokenVocabulary.Prose, ref random), Round((k % 2 == 0 ? 1 : -1) * (0.6 - (0.1 * i)))))]).ToList();
        return new SyntheticOpenAiNeuron(
            id, explanations, top, quantiles, randoms, boundaries, mean, variance, skewness, kind == Gpt4SampleKind.BareNaN ? null : kurtosis,
            upstream, upstreamNegative, Related(ref random, downstreamLayer, 16, 3, positive: true), Related(ref random, downstreamLayer, 16, 2, positive: false),
            byActivation, byWeight);
    }

    private static SyntheticExplanation Explanation(ref SplitMix64 random, double peak, string text, bool flat, int tokenCount)
    {
        var sequences = new List<SyntheticSequence>();
        for (var s = 0; s < 10; s++)
        {
            var length = tokenCount > 0 ? tokenCount : random.Next(12, 20);
            var tokens = Tokens(ref random, length);
            tokens[length / 2] = s % 3 == 0 ? "\n" : tokens[length / 2];
            var truth = new double[length];
            if (!flat && s < 5)
            {
                var at = random.Next(length);
                truth[at] = Round(peak * (1 - (0.1 * s)));
                truth[(at + 1) % length] = Round(peak * 0.3 * random.NextDouble());
            }
            else if (!flat && s == 7)
            {
                truth[random.Next(length)] = Round(peak * 0.2);
            }

            if (!flat)
            {
                truth[random.Next(length)] = -0.0421;
            }

            var normalized = new double[length];
            for (var i = 0; i < length; i++)
            {
                normalized[i] = tokens[i] == "\n" ? 0.0 : Math.Clamp(Math.Round((10 * truth[i] / peak) + random.NextGaussian(0, 0.8)), 0, 10);
            }

            var simulated = normalized.Select(v => Round(v * peak / 10)).ToArray();
            var (ev, rsq, abs) = Scores(truth, simulated);
            sequences.Add(new SyntheticSequence(tokens, truth, normalized, simulated, ev, rsq, abs));
        }

        var (aev, arsq, aabs) = Scores([.. sequences.SelectMany(q => q.True)], [.. sequences.SelectMany(q => q.Simulated)]);
        return new SyntheticExplanation("synthetic: " + text, aev, arsq, aabs, sequences);
    }

    private static SyntheticRecord Record(ref SplitMix64 random, double top, int tokenCount)
    {
        var length = tokenCount > 0 ? tokenCount : 16;
        var tokens = Tokens(ref random, length);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = Round(Math.Max(-0.17, random.NextGaussian(0, 0.05)));
        }

        values[random.Next(length)] = Round(top);
        return new SyntheticRecord(tokens, values);
    }

    private static string[] Tokens(ref SplitMix64 random, int length)
    {
        var tokens = new string[length];
        for (var i = 0; i < length; i++)
        {
            tokens[i] = TokenVocabulary.Draw(TokenVocabulary.Prose, ref random);
        }

        return tokens;
    }

    private static List<(int, int, double)> Related(ref SplitMix64 random, int layer, int neurons, int count, bool positive)
    {
        var picked = new List<(int, int, double)>();
        for (var i = 0; i < count; i++)
        {
            var weight = Round((positive ? 1 : -1) * (0.5 - (0.08 * i) + (0.02 * random.NextDouble())));
            picked.Add((layer, random.Next(neurons), weight));
        }

        return [.. picked.DistinctBy(p => p.Item2)];
    }

    /// <summary>OpenAI's three scores (scoring.py); NaN (constant true activations) becomes null, as orjson writes it.</summary>
    private static (double?, double?, double?) Scores(double[] truth, double[] predicted)
    {
        var n = truth.Length;
        var mt = truth.Average();
        var mp = predicted.Average();
        double cov = 0, vt = 0, vp = 0, se = 0, st = 0, ae = 0, at = 0;
        for (var i = 0; i < n; i++)
        {
            cov += (truth[i] - mt) * (predicted[i] - mp);
            vt += (truth[i] - mt) * (truth[i] - mt);
            vp += (predicted[i] - mp) * (predicted[i] - mp);
            se += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
            st += truth[i] * truth[i];
            ae += Math.Abs(truth[i] - predicted[i]);
            at += Math.Abs(truth[i]);
        }

        return (Finite(cov / Math.Sqrt(vt * vp)), Finite(1 - (se / st)), Finite(1 - (ae / at)));

        static double? Finite(double v) => double.IsFinite(v) ? Round(v) : null;
    }

    private static (double, double, double, double) Moments(double[] values)
    {
        var mean = values.Average();
        var m2 = values.Average(v => Math.Pow(v - mean, 2));
        var m3 = values.Average(v => Math.Pow(v - mean, 3));
        var m4 = values.Average(v => Math.Pow(v - mean, 4));
        return (Round(mean), Round(m2), Round(m3 / Math.Pow(m2, 1.5)), Round((m4 / (m2 * m2)) - 3));
    }

    private static double Quantile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
    }

    private static double Round(double v) => PythonFloat.Round(v, 4);
}
