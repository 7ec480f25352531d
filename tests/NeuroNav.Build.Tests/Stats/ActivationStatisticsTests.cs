using NeuroNav.Build.Layers;
using NeuroNav.Build.Stats;
using NeuroNav.Core;
using static NeuroNav.Build.Tests.Html.HtmlFixtures;

namespace NeuroNav.Build.Tests.Stats;

public sealed class ActivationStatisticsTests
{
    private static readonly string[] Tokens = ["<|endoftext|>", " cat", " dog", " sat"];

    private static NeuroscopeText At(int index, int maxTokenIndex, params float[] values) =>
        new(index, values[maxTokenIndex], values.Where(float.IsFinite).Min(), 100 + index, "Open Web Text", maxTokenIndex, Tokens, values);

    [Fact]
    public void Top_token_is_the_most_frequent_max_activating_token()
    {
        var s = ActivationStatistics.Of([At(0, 1, 0, 3, 0, 0), At(1, 2, 0, 0, 2, 0), At(2, 1, 0, 1, 0, 0)]);

        Assert.Equal(" cat", s.TopTokens.Token);
        Assert.Equal(2 / 3d, s.TopTokens.Share!.Value, 9);
        Assert.Equal(2, s.TopTokens.Distinct);
    }

    [Fact]
    public void Tied_top_tokens_go_to_the_first_text()
    {
        var s = ActivationStatistics.Of([At(0, 2, 0, 0, 3, 0), At(1, 1, 0, 2, 0, 0)]);

        Assert.Equal(new TopTokens(" dog", 0.5, 2), s.TopTokens);
    }

    [Fact]
    public void Max_token_index_outside_the_text_is_left_out()
    {
        var broken = At(1, 1, 0, 2, 0, 0) with { MaxTokenIndex = 9 };

        var s = ActivationStatistics.Of([At(0, 3, 0, 0, 0, 3), broken]);

        Assert.Equal(new TopTokens(" sat", 1, 1), s.TopTokens);
    }

    [Fact]
    public void Single_token_text_concentrates_fully()
    {
        var s = ActivationStatistics.Of([new NeuroscopeText(0, 1.5f, 1.5f, 7, "Code", 0, ["x"], [1.5f])]);

        Assert.Equal(new TopTokens("x", 1, 1), s.TopTokens);
        Assert.Equal(0, s.TopExampleRange);
        Assert.Null(s.Interest);
    }

    [Fact]
    public void Top_example_range_is_taken_from_the_highest_max_act_even_when_negative()
    {
        // Text #1 has the higher (less negative) Max Act: -0.2 - (-0.9) = 0.7.
        var neuron = Neuron(0.5, At(0, 1, -0.5f, -0.5f, -1f, -1f), At(1, 2, -0.9f, -0.9f, -0.2f, -0.9f));

        var stats = NeuronStatistics.Of(neuron);

        Assert.Equal(-0.2f, stats.MaxActivation);
        Assert.Equal(0.7, stats.Activations.TopExampleRange!.Value, 6);
        Assert.Equal(0, stats.Activations.Activations.FractionPositive);
    }

    [Fact]
    public void Neuron_without_finite_values_has_no_statistics()
    {
        var nan = new NeuroscopeText(0, float.NaN, float.NaN, 1, "Code", 1, Tokens, [float.NaN, float.NaN, float.NaN, float.NaN]);

        var s = ActivationStatistics.Of([nan]);

        Assert.Null(s.TopExampleRange);
        Assert.Equal(Moments.None, s.Activations);
        Assert.Null(s.Interest);
        Assert.Equal(" cat", s.TopTokens.Token);
    }

    [Fact]
    public void No_texts_give_the_empty_statistics()
    {
        Assert.Same(ActivationStatistics.Empty, ActivationStatistics.Of([]));
    }

    [Fact]
    public void Interest_is_the_excess_kurtosis()
    {
        var s = ActivationStatistics.Of([At(0, 3, 0, 0, 0, 4)]);

        Assert.Equal((21 / 9d) - 3, s.Interest!.Value, 6);
    }
}
