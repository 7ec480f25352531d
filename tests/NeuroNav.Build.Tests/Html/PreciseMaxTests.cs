using NeuroNav.Core;

namespace NeuroNav.Build.Tests.Html;

public sealed class PreciseMaxTests
{
    private static NeuroscopeText Text(float header, float[] values, int maxTokenIndex) =>
        new(0, header, values.Min(), 1, "Open Web Text", maxTokenIndex, [.. values.Select(_ => "t")], values);

    [Fact]
    public void Max_activation_takes_the_values_precision_when_the_header_is_its_rounding()
    {
        Assert.Equal(2.875198f, Text(2.8752f, [0.1f, 2.875198f], 1).PreciseMaxActivation);
        Assert.Equal(-0.042912f, Text(-0.0429f, [-0.042912f, -0.5f], 0).PreciseMaxActivation);
    }

    [Fact]
    public void Max_activation_keeps_the_header_when_the_value_disagrees_or_is_not_finite()
    {
        Assert.Equal(2.8752f, Text(2.8752f, [0.1f, 2.9f], 1).PreciseMaxActivation);
        Assert.Equal(2.8752f, Text(2.8752f, [0.1f, float.NaN], 1).PreciseMaxActivation);
        Assert.Equal(2.8752f, Text(2.8752f, [0.1f], 3).PreciseMaxActivation);
    }
}
