using NeuroNav.Sample.Weights;
using NeuroNav.Weights.Compute;
using NeuroNav.Weights.Tests.Kit;

namespace NeuroNav.Weights.Tests;

/// <summary>
/// A fetch that stores a few neurons computes their token lists alone: the same lists as the whole model's, while the
/// connections and statistics still cover every neuron.
/// </summary>
public sealed class SubsetTests
{
    [Theory]
    [InlineData("gpt2", "gelu", true)]
    [InlineData("tl", "solu", false)]
    public void Token_lists_of_a_few_neurons_are_those_of_the_whole_model(string layout, string activation, bool tied)
    {
        // 40 neurons: the chosen ones sit in different panels of 6 (A) and 16 (B), out of order and repeated.
        var model = new SyntheticModel(activation, 3, 40, 16, 70, seed: 11, tied);
        using var written = new WrittenModel(layout, model, 70);
        var all = WeightsEngine.Compute(written.Load(), new EngineOptions(Threads: 2), CancellationToken.None);
        var only = new Dictionary<int, int[]> { [0] = [39, 5, 17, 5], [2] = [0, 33] };
        var some = WeightsEngine.Compute(written.Load(), new EngineOptions(Threads: 2, TokenListsOf: only), CancellationToken.None);

        foreach (var (layer, neurons) in only)
        {
            foreach (var n in neurons)
            {
                var (want, got) = (all.Neuron(layer, n), some.Neuron(layer, n));
                Assert.Equal(want.Promoted, got.Promoted);
                Assert.Equal(want.Suppressed, got.Suppressed);
                Assert.Equal(want.InputHighest, got.InputHighest);
                Assert.Equal(want.InputLowest, got.InputLowest);
                Assert.Equal(want.UpstreamExciting, got.UpstreamExciting);
                Assert.Equal(want.DownstreamInhibiting, got.DownstreamInhibiting);
                Assert.Equal(want.InStrengthPercentile, got.InStrengthPercentile);
            }
        }

        Assert.Equal(20, some.Neuron(2, 33).Promoted.Count);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => some.Neuron(1, 3));
        Assert.Contains("not computed", e.Message, StringComparison.Ordinal);
        Assert.True(some.Costs[0].Flops < all.Costs[0].Flops / 5, "the logit effects of 4 neurons cost a fraction of 120's");
    }
}
