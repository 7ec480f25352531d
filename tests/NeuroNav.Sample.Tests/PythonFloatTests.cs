using System.Globalization;
using NeuroNav.Sample.Formats;

namespace NeuroNav.Sample.Tests;

public sealed class PythonFloatTests
{
    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(1.25, "1.25")]
    [InlineData(1e-06, "1e-06")]
    [InlineData(5e-05, "5e-05")]
    [InlineData(-2e-05, "-2e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1.5e-07, "1.5e-07")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123456789012345680.0, "1.2345678901234568e+17")]
    [InlineData(1e100, "1e+100")]
    [InlineData(2.875200033187866, "2.875200033187866")]
    [InlineData(-0.16997, "-0.16997")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(3.4028234663852886e38, "3.4028234663852886e+38")]
    [InlineData(5e-324, "5e-324")]
    public void Repr_matches_python(double value, string expected) => Assert.Equal(expected, PythonFloat.Repr(value));

    [Theory]
    [InlineData(2.8752f, "2.8752")]
    [InlineData(-0.16997f, "-0.1700")]
    [InlineData(1.5f, "1.5000")]
    [InlineData(-0.00001f, "-0.0000")]
    [InlineData(-0.0f, "-0.0000")]
    [InlineData(0.00005f, "0.0000")]
    [InlineData(float.NaN, "nan")]
    [InlineData(float.PositiveInfinity, "inf")]
    [InlineData(float.NegativeInfinity, "-inf")]
    [InlineData(0.03125f, "0.0312")]
    [InlineData(0.09375f, "0.0938")]
    [InlineData(3.4028235e38f, "340282346638528859811704183484516925440.0000")]
    public void Fixed4_matches_python_format(float value, string expected) => Assert.Equal(expected, PythonFloat.Fixed4(value));

    [Fact]
    public void Fixed4_rounds_the_double_not_its_float32_neighbour()
    {
        Assert.Equal("0.0001", PythonFloat.Fixed4(0.00005));
        Assert.Equal("0.0000", PythonFloat.Fixed4(0.00005f));
        Assert.Equal("1.9999", PythonFloat.Fixed4(1.99995));
    }

    [Theory]
    [InlineData(0.0078125, 0.007812)]
    [InlineData(0.0078135, 0.007813)]
    [InlineData(0.5078125, 0.507812)]
    [InlineData(-0.5078125, -0.507812)]
    [InlineData(2.5000005, 2.500001)]
    [InlineData(-1e-07, -0.0)]
    [InlineData(4.0000000000000005e9, 4e9)]
    public void Round_is_half_even_on_the_exact_binary_value(double value, double expected)
    {
        var actual = PythonFloat.Round(value, 6);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
    }

    [Fact]
    public void Round_of_float32_values_reproduces_the_literal_page_values()
    {
        Assert.Equal("0.0456", PythonFloat.Repr(PythonFloat.Round(0.0456f, 6)));
        Assert.Equal("-0.16997", PythonFloat.Repr(PythonFloat.Round(-0.16997f, 6)));
        Assert.Equal("1e-06", PythonFloat.Repr(PythonFloat.Round(1e-06f, 6)));
        Assert.Equal("0.0005", PythonFloat.Repr(PythonFloat.Round(0.0005f, 6)));
        Assert.Equal("-1e-05", PythonFloat.Repr(PythonFloat.Round(-0.00001f, 6)));
    }

    [Fact]
    public void Formatting_matches_cpython_on_three_thousand_reference_values()
    {
        var lines = File.ReadAllLines(Fixture.Path("python-floats.tsv")).Where(l => !l.StartsWith('#')).ToList();
        Assert.True(lines.Count > 3000);
        Span<char> buffer = stackalloc char[40];
        foreach (var line in lines)
        {
            var f = line.Split('\t');
            var x = BitConverter.Int64BitsToDouble(long.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            Assert.True(f[1] == PythonFloat.Repr(PythonFloat.Round(x, 6)), $"repr(round({f[3]}, 6)) = {f[1]}");
            Assert.True(f[1] == new string(buffer[..PythonFloat.ReprRounded(x, 6, buffer)]), $"fast repr(round({f[3]}, 6)) = {f[1]}");
            Assert.True(f[2] == PythonFloat.Fixed4(x), $"format({f[3]}, '.4f') = {f[2]}");
            Assert.True(f[3] == PythonFloat.Repr(x), $"repr = {f[3]}");
        }
    }
}
