using System.Globalization;
using System.Text;
using NeuroNav.Fetch.Neuroscope;
using NeuroNav.Sample.Formats;

namespace NeuroNav.Fetch.Tests.Neuroscope;

public sealed class NumbersTests
{
    [Fact]
    public void Json_float_is_correctly_rounded_like_float_Parse_for_six_decimal_values()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var magnitude = random.Next(8);
            var value = Math.Round((random.NextDouble() - 0.3) * Math.Pow(10, magnitude - 2), random.Next(11));
            var text = PythonFloat.Repr(value);
            var expected = float.Parse(text, CultureInfo.InvariantCulture);
            var actual = Numbers.ParseJsonFloat(Encoding.ASCII.GetBytes(text));
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual), $"{text}: {expected:R} vs {actual:R}");
        }
    }

    [Theory]
    [InlineData("0.0", 0f)]
    [InlineData("1e-06", 1e-06f)]
    [InlineData("5e-05", 5e-05f)]
    [InlineData("1e+16", 1e16f)]
    [InlineData("-2.5E-7", -2.5e-7f)]
    [InlineData("16777217", 16777216f)]
    [InlineData("0.30000001192092896", 0.3f)]
    [InlineData("3.4028235677973366e+38", float.MaxValue)]
    [InlineData("1e+39", float.PositiveInfinity)]
    [InlineData("Infinity", float.PositiveInfinity)]
    [InlineData("-Infinity", float.NegativeInfinity)]
    public void Json_float_reads_exponent_and_special_forms(string text, float expected)
    {
        Assert.Equal(expected, Numbers.ParseJsonFloat(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("-0.0")]
    [InlineData("-0")]
    [InlineData("-0.0000")]
    public void Negative_zero_keeps_its_sign(string text)
    {
        Assert.True(float.IsNegative(Numbers.ParseJsonFloat(Encoding.ASCII.GetBytes(text))));
        Assert.True(float.IsNegative(Numbers.ParseHeaderFloat(Encoding.ASCII.GetBytes(text))));
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("-inf")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    [InlineData("NAN")]
    [InlineData("infinity")]
    [InlineData("1 ")]
    public void Json_float_rejects_what_json_dumps_never_writes(string text)
    {
        Assert.Throws<PageFormatException>(() => Numbers.ParseJsonFloat(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Header_float_reads_python_format_spellings()
    {
        Assert.True(float.IsNaN(Numbers.ParseHeaderFloat("nan"u8)));
        Assert.Equal(float.PositiveInfinity, Numbers.ParseHeaderFloat("inf"u8));
        Assert.Equal(float.NegativeInfinity, Numbers.ParseHeaderFloat("-inf"u8));
        Assert.Equal(-0.0429f, Numbers.ParseHeaderFloat("-0.0429"u8));
    }

    [Theory]
    [InlineData(1e-06, "1e-06")]
    [InlineData(5e-05, "5e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(2.875200033187866, "2.875200033187866")]
    [InlineData(100, "100.0")]
    [InlineData(1.5e-07, "1.5e-07")]
    public void Python_repr_of_the_page_writer_matches_python(double value, string expected)
    {
        Assert.Equal(expected, PythonFloat.Repr(value));
    }
}
