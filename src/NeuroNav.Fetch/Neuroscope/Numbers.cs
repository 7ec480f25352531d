using System.Buffers;
using System.Globalization;
using System.Text;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>
/// Number parsing for the page's two float dialects: Python <c>json.dumps</c> (<c>repr</c>, bare
/// <c>NaN</c>/<c>Infinity</c>/<c>-Infinity</c>, exponent forms like <c>1e-06</c>) and the headers'
/// <c>:.4f</c> (<c>nan</c>, <c>inf</c>, <c>-inf</c>, <c>-0.0000</c>). All results are correctly rounded.
/// </summary>
internal static class Numbers
{
    private const NumberStyles FloatStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    // Powers of ten exactly representable as float: a float division by one of them is correctly rounded.
    private static readonly SearchValues<byte> NumberChars = SearchValues.Create("0123456789+-.eE"u8);

    private static readonly float[] Pow10 = [1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];

    /// <summary>A JSON number (or bare NaN/Infinity) as float32, correctly rounded.</summary>
    public static float ParseJsonFloat(ReadOnlySpan<byte> s)
    {
        if (TryFastFloat(s, out var fast))
        {
            return fast;
        }

        if (TryNonFinite(s, out var special))
        {
            return (float)special;
        }

        return !s.ContainsAnyExcept(NumberChars) && float.TryParse(s, FloatStyle, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Invalid(s);
    }

    /// <summary>A JSON number (or bare NaN/Infinity) as a double.</summary>
    public static double ParseJsonDouble(ReadOnlySpan<byte> s)
    {
        if (TryNonFinite(s, out var special))
        {
            return special;
        }

        return !s.ContainsAnyExcept(NumberChars) && double.TryParse(s, FloatStyle, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Invalid(s);
    }

    /// <summary>A header number printed with Python's <c>:.4f</c>.</summary>
    public static float ParseHeaderFloat(ReadOnlySpan<byte> s)
    {
        if (s.SequenceEqual("nan"u8) || s.SequenceEqual("-nan"u8))
        {
            return float.NaN;
        }

        if (s.SequenceEqual("inf"u8))
        {
            return float.PositiveInfinity;
        }

        if (s.SequenceEqual("-inf"u8))
        {
            return float.NegativeInfinity;
        }

        return ParseJsonFloat(s);
    }

    public static long ParseLong(ReadOnlySpan<byte> s) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw Invalid(s);

    public static int ParseInt(ReadOnlySpan<byte> s) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw Invalid(s);

    /// <summary>
    /// Plain decimals with at most 7 significant digits and 10 decimals (the page's 6-decimal values):
    /// mantissa and power of ten are exact floats, so one float division is correctly rounded.
    /// </summary>
    private static bool TryFastFloat(ReadOnlySpan<byte> s, out float value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] == '-')
        {
            negative = true;
            i = 1;
        }

        var mantissa = 0;
        var digits = 0;
        var decimals = -1;
        var anyDigit = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if ((uint)(c - '0') <= 9)
            {
                anyDigit = true;
                if (decimals >= 0)
                {
                    decimals++;
                }

                if (mantissa != 0 || c != '0')
                {
                    if (++digits > 7)
                    {
                        return false;
                    }
                }

                mantissa = (mantissa * 10) + (c - '0');
            }
            else if (c == '.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                return false;
            }
        }

        if (!anyDigit || decimals == 0 || decimals > 10)
        {
            return false;
        }

        var magnitude = decimals > 0 ? mantissa / Pow10[decimals] : mantissa;
        value = negative ? -magnitude : magnitude;
        return true;
    }

    private static bool TryNonFinite(ReadOnlySpan<byte> s, out double value)
    {
        value = s switch
        {
            _ when s.SequenceEqual("NaN"u8) => double.NaN,
            _ when s.SequenceEqual("Infinity"u8) => double.PositiveInfinity,
            _ when s.SequenceEqual("-Infinity"u8) => double.NegativeInfinity,
            _ => 0,
        };
        return value != 0 || double.IsNaN(value);
    }

    private static PageFormatException Invalid(ReadOnlySpan<byte> s) =>
        new($"'{Encoding.UTF8.GetString(s[..Math.Min(s.Length, 40)])}' is not a number");
}
