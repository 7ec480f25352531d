using NeuroNav.Build.Stats;

namespace NeuroNav.Build.Tests.Stats;

public sealed class StatsJsonTests
{
    [Theory]
    [InlineData(0.742839315648602, 0.74284f)]
    [InlineData(-1234567.0, -1234600f)]
    [InlineData(1.23456789e-7, 1.2346e-7f)]
    [InlineData(0.0, 0f)]
    public void Statistics_are_written_to_five_significant_digits(double value, float written)
    {
        Assert.Equal(written, StatsJson.Round(value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    public void Values_json_cannot_hold_become_null(double value)
    {
        Assert.Null(StatsJson.Round(value));
    }

    [Fact]
    public void Missing_value_stays_null()
    {
        Assert.Null(StatsJson.Round(null));
    }
}
