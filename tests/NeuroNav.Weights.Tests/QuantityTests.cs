using NeuroNav.Sample.Weights;
using NeuroNav.Weights.Compute;
using NeuroNav.Weights.Tests.Kit;

namespace NeuroNav.Weights.Tests;

/// <summary>Every quantity, for every layout, against the plain-loop reference.</summary>
public sealed class QuantityTests
{
    private const int Layers = 3;
    private const int Neurons = 24;
    private const int DModel = 16;
    private const double Tol = 2e-3;

    public static TheoryData<string, string, bool, int, int> Layouts => new()
    {
        // layout, activation, tied unembedding, vocabulary rows in the file, tokens kept
        { "gpt2", "gelu", true, 60, 60 },
        { "neox", "gelu", false, 64, 60 },
        { "tl", "solu", false, 60, 60 },
        { "tl", "gelu", false, 60, 60 },
        { "tl-old", "solu", false, 60, 60 },
        { "tl-old-left", "solu", false, 60, 60 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_quantity_matches_the_plain_loop_reference(string layout, string activation, bool tied, int vocabRows, int vocab)
    {
        var model = new SyntheticModel(activation, Layers, Neurons, DModel, vocabRows, seed: layout.Length + activation.Length, tied);
        using var written = new WrittenModel(layout, model, vocab);
        var reference = new Reference(model, vocab);
        var result = WeightsEngine.Compute(written.Load(), new EngineOptions(TokensPerSide: 20, LinksPerSide: 10, Threads: 2), CancellationToken.None);

        var inStrength = new double[Layers, Neurons];
        var outStrength = new double[Layers, Neurons];
        for (var l = 0; l < Layers; l++)
        {
            for (var n = 0; n < Neurons; n++)
            {
                var got = result.Neuron(l, n);
                var where = $"{layout}/{activation} neuron {l}/{n}";
                var logits = Enumerable.Range(0, vocab).Select(t => (t, reference.Logit(l, n, t))).ToList();
                AssertTokens(got.Promoted, logits, highest: true, 20, $"{where} promoted");
                AssertTokens(got.Suppressed, logits, highest: false, 20, $"{where} suppressed");
                var inputs = Enumerable.Range(0, vocab).Select(t => (t, reference.Input(l, n, t))).ToList();
                AssertTokens(got.InputHighest, inputs, highest: true, 20, $"{where} input highest");
                AssertTokens(got.InputLowest, inputs, highest: false, 20, $"{where} input lowest");

                var upstream = (from l1 in Enumerable.Range(0, l)
                                from m in Enumerable.Range(0, Neurons)
                                select (l1, m, reference.Virtual(l1, m, l, n))).ToList();
                var downstream = (from l2 in Enumerable.Range(l + 1, Layers - l - 1)
                                  from m in Enumerable.Range(0, Neurons)
                                  select (l2, m, reference.Virtual(l, n, l2, m))).ToList();
                AssertLinks(got.UpstreamExciting, upstream, exciting: true, $"{where} upstream exciting");
                AssertLinks(got.UpstreamInhibiting, upstream, exciting: false, $"{where} upstream inhibiting");
                AssertLinks(got.DownstreamExciting, downstream, exciting: true, $"{where} downstream exciting");
                AssertLinks(got.DownstreamInhibiting, downstream, exciting: false, $"{where} downstream inhibiting");

                Near(reference.InputNorm(l, n), got.InputNorm, $"{where} input norm");
                Near(reference.OutputNorm(l, n), got.OutputNorm, $"{where} output norm");
                Near(reference.Cosine(l, n), got.InOutCosine, $"{where} cosine");
                inStrength[l, n] = Strength(upstream.Select(u => u.Item3).ToList());
                outStrength[l, n] = Strength(downstream.Select(u => u.Item3).ToList());
                Near(inStrength[l, n], got.InStrength, $"{where} in-strength");
                Near(outStrength[l, n], got.OutStrength, $"{where} out-strength");
            }
        }

        var allIn = inStrength.Cast<double>().ToList();
        var allOut = outStrength.Cast<double>().ToList();
        for (var l = 0; l < Layers; l++)
        {
            for (var n = 0; n < Neurons; n++)
            {
                var got = result.Neuron(l, n);
                var onePlace = 100.0 / allIn.Count;
                Near(100.0 * allIn.Count(s => s <= inStrength[l, n] + 1e-9) / allIn.Count, got.InStrengthPercentile, $"{l}/{n} in-percentile", onePlace);
                Near(100.0 * allOut.Count(s => s <= outStrength[l, n] + 1e-9) / allOut.Count, got.OutStrengthPercentile, $"{l}/{n} out-percentile", onePlace);
            }
        }

        // Layer 0 has nothing upstream and the last layer nothing downstream.
        Assert.Empty(result.Neuron(0, 0).UpstreamExciting);
        Assert.Equal(0f, result.Neuron(0, 0).InStrength);
        Assert.Empty(result.Neuron(Layers - 1, 0).DownstreamInhibiting);
    }

    private static double Strength(List<double> values)
    {
        var sorted = values.OrderByDescending(v => v).ToList();
        var indices = Enumerable.Range(0, Math.Min(10, sorted.Count)).Concat(Enumerable.Range(Math.Max(0, sorted.Count - 10), Math.Min(10, sorted.Count))).Distinct();
        return indices.Sum(i => Math.Abs(sorted[i]));
    }

    private static void AssertTokens(IReadOnlyList<TokenValue> got, List<(int Id, double Value)> all, bool highest, int k, string what)
    {
        var ranked = (highest ? all.OrderByDescending(p => p.Value) : all.OrderBy(p => p.Value)).Take(k).ToList();
        Assert.True(got.Count == ranked.Count, $"{what}: {got.Count} tokens, expected {ranked.Count}");
        var byId = all.ToDictionary(p => p.Id, p => p.Value);
        for (var i = 0; i < ranked.Count; i++)
        {
            Near(ranked[i].Value, got[i].Value, $"{what} #{i}");
            Near(byId[got[i].Token], got[i].Value, $"{what} #{i} (token {got[i].Token})");
        }
    }

    private static void AssertLinks(IReadOnlyList<NeuronLink> got, List<(int Layer, int Neuron, double Value)> all, bool exciting, string what)
    {
        var ranked = (exciting ? all.OrderByDescending(p => p.Value) : all.OrderBy(p => p.Value)).Take(10)
            .Where(p => exciting ? p.Value > 0 : p.Value < 0).ToList();
        Assert.True(got.Count == ranked.Count, $"{what}: {got.Count} links, expected {ranked.Count}");
        var byId = all.ToDictionary(p => (p.Layer, p.Neuron), p => p.Value);
        for (var i = 0; i < ranked.Count; i++)
        {
            Near(ranked[i].Value, got[i].Value, $"{what} #{i}");
            Near(byId[(got[i].Layer, got[i].Neuron)], got[i].Value, $"{what} #{i} ({got[i].Layer}/{got[i].Neuron})");
        }
    }

    private static void Near(double expected, double actual, string what, double tol = Tol) =>
        Assert.True(Math.Abs(expected - actual) <= tol * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");
}
