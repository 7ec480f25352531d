using System.Globalization;
using System.Text;
using NeuroNav.Build.Api;

namespace NeuroNav.Build.Tests.Api;

public sealed class SixDecimalFloatTests
{
    [Theory]
    [InlineData(0.5f, "0.5")]
    [InlineData(-2f, "-2")]
    [InlineData(0.0001f, "0.0001")]
    [InlineData(2.8752f, "2.8752")]
    [InlineData(-0.16997f, "-0.16997")]
    [InlineData(7.123456f, "7.123456")]
    public void Writes_the_shortest_text_of_six_decimal_values(float value, string expected)
    {
        Assert.Equal(expected, Fast(value));
        Assert.Equal(expected, General(value));
    }

    [Theory]
    [InlineData(0.000099f)]
    [InlineData(1e-6f)]
    [InlineData(12.5f)]
    [InlineData(0f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(0.1234567f)]
    public void Leaves_other_values_to_the_general_formatter(float value) => Assert.Null(Fast(value));

    [Fact]
    public void Agrees_with_the_general_formatter_on_every_six_decimal_value_it_takes()
    {
        var random = new Random(20261126);
        var taken = 0;
        const int Count = 200_000;
        for (var i = 0; i < Count; i++)
        {
            var micros = random.NextInt64(100, 8_000_000) * (random.Next(2) == 0 ? 1 : -1);
            var value = float.Parse((micros / 1e6).ToString("F6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var fast = Fast(value);
            if (fast is not null)
            {
                Assert.Equal(General(value), fast);
                taken++;
            }
        }

        Assert.True(taken > Count * 0.95, $"fast path took only {taken} of {Count}");
    }

    [Fact]
    public void Never_disagrees_with_the_general_formatter_on_arbitrary_floats()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var value = BitConverter.Int32BitsToSingle(random.Next(0x38D1B717, 0x41000000) | (random.Next(2) << 31));
            var fast = Fast(value);
            if (fast is not null)
            {
                Assert.Equal(General(value), fast);
            }
        }
    }

    private static string? Fast(float value)
    {
        Span<byte> buffer = stackalloc byte[16];
        return SixDecimalFloat.TryFormat(value, buffer, out var written) ? Encoding.ASCII.GetString(buffer[..written]) : null;
    }

    private static string General(float value) => value.ToString(CultureInfo.InvariantCulture);
}
