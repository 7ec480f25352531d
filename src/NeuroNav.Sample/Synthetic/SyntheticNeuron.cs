using NeuroNav.Core;

namespace NeuroNav.Sample.Synthetic;

/// <summary>What to synthesise for one neuron page.</summary>
/// <param name="TopActivation">Text #0's max activation; null draws one. Real values keep their sign (≤ 0 happens).</param>
/// <param name="MinTokens">Shortest text, BOS included.</param>
/// <param name="MaxTokens">Longest text, BOS included.</param>
public sealed record SyntheticNeuronSpec(
    ModelInfo Model,
    int Layer,
    int Neuron,
    ulong Seed,
    int Texts = 20,
    int MinTokens = 1024,
    int MaxTokens = 1024,
    float? TopActivation = null);

/// <summary>
/// Deterministic synthetic Neuroscope data: texts with BOS at index 0, GELU- or SoLU-like float32 activations
/// rounded to 6 decimals, one peak per text, texts ordered by peak. Uses SplitMix64 and exact IEEE arithmetic
/// only (no transcendental functions), so the bytes are the same on every machine.
/// </summary>
public static class SyntheticNeuron
{
    /// <summary>Synthetic boundary between C4 rows and Python code rows in a c4-code model's concatenated dataset.</summary>
    public const long C4Rows = 2_196_904;

    public static NeuronPage Page(SyntheticNeuronSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.MinTokens < 2 || spec.MaxTokens < spec.MinTokens)
        {
            throw new ArgumentException($"{spec.Model.Id}/{spec.Layer}/{spec.Neuron}: bad token range {spec.MinTokens}..{spec.MaxTokens}", nameof(spec));
        }

        var random = new SplitMix64(spec.Seed);
        var top = spec.TopActivation ?? DrawTop(spec.Model, ref random);
        var texts = new PageText[spec.Texts];
        var previousPeak = top;
        for (var i = 0; i < texts.Length; i++)
        {
            var peak = i == 0 ? top : NextPeak(previousPeak, top, ref random);
            texts[i] = Text(spec.Model, peak, spec.MinTokens, spec.MaxTokens, ref random);
            previousPeak = peak;
        }

        return new NeuronPage(spec.Model, spec.Layer, spec.Neuron, texts);
    }

    /// <summary>Rounds to 6 decimals and stores as float32, the way activations look after the page's rounding.</summary>
    public static float Quantize(double value) => (float)(Math.Round(value * 1e6) / 1e6);

    /// <summary>A smooth GELU-shaped curve from sqrt only: min ≈ -0.13 near x = -0.7, ≈ x for large x.</summary>
    public static double GeluLike(double x)
    {
        var t = 1.2 * x;
        return 0.5 * x * (1 + (t / Math.Sqrt(1 + (t * t))));
    }

    private static float DrawTop(ModelInfo model, ref SplitMix64 random) =>
        Quantize(IsSolu(model) ? 1.5 + (random.NextDouble() * 6.0) : 0.8 + (random.NextDouble() * 5.0));

    private static float NextPeak(float previous, float top, ref SplitMix64 random)
    {
        // Falls slowly from text to text; never above Text #0 so the page maximum is Text #0's.
        var step = Math.Max(Math.Abs((double)top) * 0.035, 0.0004) * random.NextDouble();
        return Quantize(Math.Min(previous - step, top - 0.000001));
    }

    private static PageText Text(ModelInfo model, float peak, int minTokens, int maxTokens, ref SplitMix64 random)
    {
        var length = minTokens == maxTokens ? minTokens : random.Next(minTokens, maxTokens + 1);
        var code = !model.Id.Contains("gpt", StringComparison.Ordinal) && !model.Id.Contains("pile", StringComparison.Ordinal)
            && !model.Id.Contains("pythia", StringComparison.Ordinal);
        var isCodeRow = code && random.NextDouble() < 0.2;
        var vocabulary = isCodeRow ? TokenVocabulary.Code : TokenVocabulary.Prose;
        var tokens = new string[length];
        var acts = new float[length];
        tokens[0] = TokenVocabulary.Bos;
        for (var j = 1; j < length; j++)
        {
            tokens[j] = TokenVocabulary.Draw(vocabulary, ref random);
        }

        var solu = IsSolu(model);
        var ceiling = peak > 0 ? peak * 0.92 : peak - 0.0004;
        for (var j = 0; j < length; j++)
        {
            var v = peak > 0
                ? (solu ? random.NextGaussian(0.0, 0.35) : GeluLike(random.NextGaussian(-1.1, 0.8)))
                : peak - 0.0005 - (random.NextDouble() * 0.12);
            acts[j] = Quantize(Math.Min(v, ceiling));
        }

        var at = random.Next(1, length);
        acts[at] = peak;

        long dataIndex;
        string dataset;
        if (code)
        {
            dataIndex = isCodeRow ? C4Rows + random.Next(0, 1_800_000) : random.Next(0, (int)C4Rows);
            dataset = isCodeRow ? ModelNames.Code : ModelNames.C4;
        }
        else
        {
            dataIndex = random.Next(0, 8_000_000);
            dataset = ModelNames.FancyDataset(model.Id);
        }

        return new PageText(tokens, acts, dataIndex, dataset);
    }

    private static bool IsSolu(ModelInfo model) => model.ActivationFunction.StartsWith("solu", StringComparison.Ordinal);
}
