using NeuroNav.Build.Stats;

namespace NeuroNav.Build.Tests.Stats;

public sealed class MomentsTests
{
    private const int Digits = 6;

    [Fact]
    public void Skewed_values_give_hand_computed_moments()
    {
        // mean 1; deviations -1,-1,-1,3: m2 = 12/4 = 3, m3 = 24/4 = 6, m4 = 84/4 = 21.
        var m = Moments.Of([[0f, 0f, 0f, 4f]]);

        Assert.Equal(4, m.Count);
        Assert.Equal(1, m.Mean!.Value, Digits);
        Assert.Equal(3, m.Variance!.Value, Digits);
        Assert.Equal(6 / Math.Pow(3, 1.5), m.Skewness!.Value, Digits); // 2/√3 ≈ 1.154701
        Assert.Equal((21 / 9d) - 3, m.ExcessKurtosis!.Value, Digits); // -2/3
        Assert.Equal(0.25, m.FractionPositive!.Value, Digits);
    }

    [Fact]
    public void Texts_are_pooled_into_one_sample()
    {
        Assert.Equal(Moments.Of([[0f, 0f, 0f, 4f]]), Moments.Of([[0f, 0f], [0f, 4f]]));
    }

    [Fact]
    public void Non_finite_values_are_left_out()
    {
        // 1 and 3 remain: mean 2, m2 = 1, m3 = 0, m4 = 1.
        var m = Moments.Of([[1f, float.NaN, 3f, float.PositiveInfinity, float.NegativeInfinity]]);

        Assert.Equal(2, m.Count);
        Assert.Equal(2, m.Mean!.Value, Digits);
        Assert.Equal(1, m.Variance!.Value, Digits);
        Assert.Equal(0, m.Skewness!.Value, Digits);
        Assert.Equal(-2, m.ExcessKurtosis!.Value, Digits);
        Assert.Equal(1, m.FractionPositive!.Value, Digits);
    }

    [Fact]
    public void Constant_activations_have_zero_variance_and_undefined_shape()
    {
        var m = Moments.Of([[0.1f, 0.1f], [0.1f, float.NaN, 0.1f]]);

        Assert.Equal(4, m.Count);
        Assert.Equal(0.1f, (float)m.Mean!.Value);
        Assert.Equal(0, m.Variance);
        Assert.Null(m.Skewness);
        Assert.Null(m.ExcessKurtosis);
    }

    [Fact]
    public void Single_token_is_a_constant_sample()
    {
        var m = Moments.Of([[5f]]);

        Assert.Equal(new Moments(1, 5, 0, null, null, 1), m);
    }

    [Fact]
    public void Only_NaN_gives_no_moments()
    {
        Assert.Equal(Moments.None, Moments.Of([[float.NaN, float.NaN], []]));
        Assert.Equal(Moments.None, Moments.Of([]));
    }

    [Fact]
    public void All_negative_activations_have_no_positive_fraction()
    {
        // -3, -1: mean -2, m2 = 1, symmetric.
        var m = Moments.Of([[-3f, -1f]]);

        Assert.Equal(-2, m.Mean!.Value, Digits);
        Assert.Equal(0, m.FractionPositive);
        Assert.Equal(0, m.Skewness!.Value, Digits);
    }

    [Fact]
    public void Large_offset_does_not_lose_the_variance()
    {
        // A naive sum of squares in float would cancel; two passes in double keep m2 = 1.
        var m = Moments.Of([[10000f, 10002f]]);

        Assert.Equal(1, m.Variance!.Value, Digits);
    }

    [Fact]
    public void Zero_is_not_counted_as_positive()
    {
        Assert.Equal(0.5, Moments.Of([[0f, -0f, 1f, 2f]]).FractionPositive);
    }
}
