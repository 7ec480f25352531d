using NeuroNav.Build.Pages;
using NeuroNav.Build.Stats;

namespace NeuroNav.Build.Tests.Stats;

public sealed class InterestRankingTests
{
    private static NeuronSummary Row(int neuron, double? kurtosis, float? max) =>
        new(neuron, [], max, max)
        {
            Statistics = ActivationStatistics.Empty with { Activations = Moments.None with { ExcessKurtosis = kurtosis } },
        };

    [Fact]
    public void Highest_kurtosis_first_and_undefined_last()
    {
        NeuronSummary[] rows = [Row(0, null, 9f), Row(1, 2.5, 1f), Row(2, -1.2, 3f), Row(3, 40, 0.5f), Row(4, double.NaN, 8f)];

        Assert.Equal([3, 1, 2, 0, 4], InterestRanking.Order(rows).Select(r => r.Neuron));
    }

    [Fact]
    public void Ties_go_to_the_higher_max_activation_then_the_lower_neuron()
    {
        NeuronSummary[] rows = [Row(5, 1, 2f), Row(4, 1, float.NaN), Row(3, 1, 2f), Row(2, 1, 7f), Row(1, 1, null), Row(0, 1, -3f)];

        Assert.Equal([2, 3, 5, 0, 1, 4], InterestRanking.Order(rows).Select(r => r.Neuron));
    }

    [Fact]
    public void Top_takes_the_first_of_the_order()
    {
        NeuronSummary[] rows = [Row(0, 1, 1f), Row(1, 3, 1f), Row(2, 2, 1f)];

        Assert.Equal([1, 2], InterestRanking.Top(rows, 2).Select(r => r.Neuron));
    }
}
