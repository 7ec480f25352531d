using System.Globalization;
using NeuroNav.Core;

namespace NeuroNav.Corpus.Tests;

/// <summary>
/// Deterministic Neuroscope-like neurons: tokens drawn Zipf-like from a vocabulary of GPT-2-ish strings (mostly with a
/// leading space), activations GELU-like (most in [-0.17, 0.05], a few large positive) rounded to 6 decimals as the page prints.
/// </summary>
public sealed class RealisticNeurons
{
    private static readonly string[] Syllables =
        ["the", "an", "ing", "er", "st", "on", "al", "re", "ti", "ou", "ed", "ar", "en", "is", "or", "ic", "ly", "ma", "ne", "pro", "com", "ex", "ab", "ch", "ul", "ir", "ot", "ak", "ow", "ent"];

    private const int VocabularySize = 50_000;
    private static readonly Lazy<(string[] Vocabulary, double[] Cumulative)> Shared = new(BuildVocabulary);

    private readonly Random random;

    public RealisticNeurons(int seed = 7) => random = new Random(seed);

    public int TextCount { get; init; } = 20;

    public int TokensPerText { get; init; } = 1024;

    public NeuroscopeNeuron Neuron(string model, int layer, int neuron, DateTimeOffset? fetchedAt = null)
    {
        var texts = Enumerable.Range(0, TextCount).Select(Text).ToList();
        var maxRange = texts.Count == 0 ? 0.0 : (double)texts.Max(t => t.MaxActivation);
        var url = string.Create(CultureInfo.InvariantCulture, $"https://neuroscope.io/{model}/{layer}/{neuron}.html");
        var at = fetchedAt ?? new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero).AddTicks(random.Next(1_000_000) * 10L);
        var hash = new byte[32];
        random.NextBytes(hash);
        return new NeuroscopeNeuron(
            new NeuronId(model, layer, neuron), maxRange, -maxRange, "1.38.1", texts,
            new Provenance(url, at, Convert.ToHexStringLower(hash), 400_000 + random.Next(50_000)));
    }

    public NeuroscopeText Text(int index)
    {
        var tokens = new string[TokensPerText];
        var values = new float[TokensPerText];
        for (var i = 0; i < TokensPerText; i++)
        {
            tokens[i] = i == 0 ? "<|endoftext|>" : Shared.Value.Vocabulary[SampleRank()];
            values[i] = Activation();
        }

        var max = values.Length == 0 ? 0 : values.Max();
        var argMax = Array.IndexOf(values, max);
        return new NeuroscopeText(
            index, (float)Math.Round(max, 4), (float)Math.Round(values.DefaultIfEmpty().Min(), 4),
            random.NextInt64(10_000_000), "Open Web Text", Math.Max(argMax, 0), tokens, values);
    }

    /// <summary>GELU of a normal pre-activation, shifted so a few tokens fire strongly; 6 decimals like <c>round(x, 6)</c>.</summary>
    private float Activation()
    {
        var x = random.NextDouble() < 0.01 ? 1 + (random.NextDouble() * 3) : NextGaussian() - 1.2;
        var gelu = 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + (0.044715 * x * x * x))));
        return (float)Math.Round(gelu, 6);
    }

    private double NextGaussian()
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private int SampleRank()
    {
        var cumulative = Shared.Value.Cumulative;
        var i = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    /// <summary>The vocabulary (unique tokens) and the Zipf cumulative weights of its ranks, built once.</summary>
    private static (string[] Vocabulary, double[] Cumulative) BuildVocabulary()
    {
        var random = new Random(1);
        var vocabulary = new string[VocabularySize];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < VocabularySize; i++)
        {
            string token;
            do
            {
                token = NewToken(random);
            }
            while (!seen.Add(token));
            vocabulary[i] = token;
        }

        var cumulative = new double[VocabularySize];
        var sum = 0.0;
        for (var i = 0; i < VocabularySize; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, 1.07);
            cumulative[i] = sum;
        }

        return (vocabulary, cumulative);
    }

    private static string NewToken(Random random)
    {
        var kind = random.Next(100);
        if (kind < 3)
        {
            return random.Next(10_000).ToString(CultureInfo.InvariantCulture);
        }

        if (kind < 6)
        {
            return new string(".,;:!?'\"()-\n"[random.Next(12)], 1 + random.Next(2));
        }

        var word = string.Concat(Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Syllables[random.Next(Syllables.Length)]));
        if (kind < 15)
        {
            word = char.ToUpperInvariant(word[0]) + word[1..];
        }

        return kind < 75 ? " " + word : word;
    }
}
