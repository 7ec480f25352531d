using System.Runtime.CompilerServices;
using System.Text.Json;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Layer.Bench;

/// <summary>
/// One full layer of synthetic neurons (2 short texts each, GELU-like activations with a few spikes) and a GPT-4 stand-in
/// giving every neuron a 6–14 word explanation: enough to build a realistic layer index and page.
/// </summary>
internal sealed class SyntheticLayer(string model, int layer, int neurons) : ICorpusReader, ISectionSource
{
    private static readonly string[] Words =
    [
        "python", "code", "keywords", "closing", "brackets", "names", "animals", "years", "dates", "news", "html", "tags",
        "numbers", "plural", "nouns", "verbs", "past", "tense", "legal", "terms", "medical", "words", "after", "commas",
        "quotes", "capital", "letters", "sports", "teams", "cities", "countries", "function", "calls", "variable", "math",
    ];

    private static readonly string[] Tokens = [" the", " of", " and", " to", " in", "def", " return", "(", ")", ",", ".", " cat", " 2019", "<div>", "\n"];

    public SourceInfo Source => SourceInfo.Gpt4;

    public SourceContributions Contributions => Gpt4SectionSource.WithoutData.Contributions;

    public async IAsyncEnumerable<NeuroscopeNeuron> ReadLayerAsync(string m, int l, [EnumeratorCancellation] CancellationToken ct)
    {
        var random = new Random(42);
        var provenance = new Provenance("https://neuroscope.io/", DateTimeOffset.UnixEpoch, new string('0', 64), 1);
        for (var n = 0; n < neurons; n++)
        {
            ct.ThrowIfCancellationRequested();
            var texts = Enumerable.Range(0, 2).Select(i => Text(random, i)).ToList();
            var max = texts.Max(t => t.MaxActivation);
            yield return new NeuroscopeNeuron(new NeuronId(model, layer, n), max, -max, "1.38.1", texts, provenance);
            if (n % 512 == 0)
            {
                await Task.Yield();
            }
        }
    }

    public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string m, int l, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CoverageRow>>(
            [.. Enumerable.Range(0, neurons).Select(n => new CoverageRow(model, layer, n, "neuroscope", CoverageStatus.Present, null, "https://neuroscope.io/", 200, DateTimeOffset.UnixEpoch))]);

    public IReadOnlyList<(string Model, int Layer)> Partitions() => [(model, layer)];

    public Task<ILayerSections> LoadLayerAsync(ModelInfo m, int l, CancellationToken ct) => Task.FromResult<ILayerSections>(new Explanations());

    private static NeuroscopeText Text(Random random, int index)
    {
        const int length = 24;
        var values = new float[length];
        var spike = random.NextDouble() * 8;
        for (var i = 0; i < length; i++)
        {
            var x = (random.NextDouble() * 2) - 1.5;
            values[i] = (float)Math.Round(x > 0 ? x : x * 0.05, 4);
        }

        var at = random.Next(length);
        values[at] = (float)Math.Round(spike, 4);
        var tokens = Enumerable.Range(0, length).Select(_ => Tokens[random.Next(Tokens.Length)]).ToArray();
        return new NeuroscopeText(index, values.Max(), values.Min(), random.Next(1_000_000), "Open Web Text", Array.IndexOf(values, values.Max()), tokens, values);
    }

    private sealed class Explanations : ILayerSections
    {
        public INeuronSection? Get(int neuron)
        {
            var random = new Random(neuron);
            var text = string.Join(' ', Enumerable.Range(0, 6 + random.Next(9)).Select(_ => Words[random.Next(Words.Length)]));
            return new Section(Math.Round(random.NextDouble() - 0.2, 3), text);
        }
    }

    private sealed record Section(double? Score, string Summary) : INeuronSection
    {
        string? INeuronSection.Summary => Summary;

        public object PageView => this;

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteNumber("explanation-score", Score ?? 0);
            writer.WriteString("explanation", Summary);
            writer.WriteEndObject();
        }
    }
}
