using System.Globalization;
using System.Numerics;

namespace NeuroNav.Sample.Formats;

/// <summary>
/// Python's float arithmetic and printing as Neuroscope's generator used them: <c>round(x, n)</c>,
/// <c>repr(x)</c> (as <c>json.dumps</c> writes floats) and <c>format(x, ".4f")</c>.
/// All results are exact (round half to even on the binary value), never culture-dependent.
/// </summary>
public static class PythonFloat
{
    private static readonly double[] Pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

    /// <summary>Python's <c>round(x, ndigits)</c> for 0 ≤ ndigits ≤ 9: the double nearest to x rounded half-even to ndigits decimals.</summary>
    public static double Round(double x, int ndigits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ndigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ndigits, 9);
        if (!double.IsFinite(x) || x == 0)
        {
            return x;
        }

        if (TryRoundScaled(x, ndigits, out var k))
        {
            return k == 0 ? (x < 0 ? -0.0 : 0.0) : (x < 0 ? -k : k) / Pow10[ndigits];
        }

        var digits = RoundScaled(x, ndigits);
        var text = string.Create(CultureInfo.InvariantCulture, $"{digits}E-{ndigits}");
        var r = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return r == 0 && x < 0 ? -0.0 : r;
    }

    /// <summary>Python's <c>format(x, ".4f")</c>: <c>nan</c>, <c>inf</c>, <c>-inf</c>, <c>-0.0000</c> included.</summary>
    public static string Fixed4(double x)
    {
        if (double.IsNaN(x))
        {
            return "nan";
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? "inf" : "-inf";
        }

        var scaled = BigInteger.Abs(RoundScaled(x, 4));
        var whole = BigInteger.DivRem(scaled, 10_000, out var frac);
        var sign = double.IsNegative(x) ? "-" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{(int)frac:D4}");
    }

    /// <summary>Python's <c>repr(x)</c> as <c>json.dumps</c> writes it: <c>0.0</c>, <c>1e-06</c>, <c>1e+16</c>, <c>NaN</c>, <c>Infinity</c>.</summary>
    public static string Repr(double x)
    {
        Span<char> buffer = stackalloc char[40];
        var n = Repr(x, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>Writes <see cref="Repr(double)"/> into <paramref name="destination"/> (at least 32 chars) and returns the length.</summary>
    public static int Repr(double x, Span<char> destination)
    {
        if (double.IsNaN(x))
        {
            return Copy("NaN", destination);
        }

        if (double.IsInfinity(x))
        {
            return Copy(x > 0 ? "Infinity" : "-Infinity", destination);
        }

        if (x == 0)
        {
            return Copy(double.IsNegative(x) ? "-0.0" : "0.0", destination);
        }

        Span<char> shortest = stackalloc char[40];
        if (!x.TryFormat(shortest, out var len, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"cannot format {x}");
        }

        Span<char> digits = stackalloc char[24];
        var (count, decpt) = Decompose(shortest[..len], digits);
        var pos = 0;
        if (x < 0)
        {
            destination[pos++] = '-';
        }

        return pos + Layout<char>(digits[..count], decpt, destination[pos..]);
    }

    /// <summary>
    /// <c>repr(round(x, ndigits))</c> into <paramref name="destination"/> (at least 32 chars); returns the length.
    /// Below 4e9 the rounded decimal's own digits are the shortest repr, so no double→text conversion is needed.
    /// </summary>
    public static int ReprRounded(double x, int ndigits, Span<char> destination) => ReprRounded<char>(x, ndigits, destination);

    /// <summary><see cref="ReprRounded(double, int, Span{char})"/> as ASCII bytes.</summary>
    public static int ReprRounded(double x, int ndigits, Span<byte> destination) => ReprRounded<byte>(x, ndigits, destination);

    private static int ReprRounded<T>(double x, int ndigits, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (TryRoundScaled(x, ndigits, out var k))
        {
            var pos = 0;
            if (x < 0)
            {
                destination[pos++] = T.CreateTruncating('-');
            }

            if (k == 0)
            {
                return pos + Copy("0.0", destination[pos..]);
            }

            Span<T> digits = stackalloc T[20];
            var count = 0;
            for (var rest = k; rest > 0; rest /= 10)
            {
                digits[count++] = T.CreateTruncating('0' + (int)(rest % 10));
            }

            digits[..count].Reverse();
            var decpt = count - ndigits;
            while (digits[count - 1] == T.CreateTruncating('0'))
            {
                count--;
            }

            return pos + Layout<T>(digits[..count], decpt, destination[pos..]);
        }

        Span<char> text = stackalloc char[40];
        var n = Repr(Round(x, ndigits), text);
        for (var i = 0; i < n; i++)
        {
            destination[i] = T.CreateTruncating(text[i]);
        }

        return n;
    }

    /// <summary>|round-half-even(x · 10^ndigits)| when the double product decides it unambiguously (|x · 10^ndigits| &lt; 4e15).</summary>
    private static bool TryRoundScaled(double x, int ndigits, out long k)
    {
        k = 0;
        if (!double.IsFinite(x) || x == 0 || ndigits is < 0 or > 9)
        {
            return false;
        }

        var y = x * Pow10[ndigits];
        if (Math.Abs(y) >= 4e15)
        {
            return false;
        }

        var floor = Math.Floor(y);
        var frac = y - floor;
        if (Math.Abs(frac - 0.5) <= (Math.Abs(y) * 2.3e-16) + 1e-300)
        {
            return false;
        }

        k = (long)Math.Abs(frac < 0.5 ? floor : floor + 1);
        return true;
    }

    /// <summary>round-half-even(x · 10^ndigits) as an exact integer, sign kept.</summary>
    private static BigInteger RoundScaled(double x, int ndigits)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, ndigits);
        BigInteger result;
        if (exponent >= 0)
        {
            result = numerator << exponent;
        }
        else
        {
            var denominator = BigInteger.One << -exponent;
            var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
            var twice = remainder * 2;
            var cmp = twice.CompareTo(denominator);
            result = cmp > 0 || (cmp == 0 && !quotient.IsEven) ? quotient + 1 : quotient;
        }

        return negative ? -result : result;
    }

    /// <summary>Reads .NET's shortest round-trip text into significant digits and the decimal point position (value = 0.DIGITS × 10^decpt).</summary>
    private static (int Count, int Decpt) Decompose(ReadOnlySpan<char> text, Span<char> digits)
    {
        var exponent = 0;
        var e = text.IndexOfAny('E', 'e');
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        if (text.Length > 0 && text[0] == '-')
        {
            text = text[1..];
        }

        var count = 0;
        var pointAt = text.IndexOf('.');
        var decpt = (pointAt < 0 ? text.Length : pointAt) + exponent;
        foreach (var c in text)
        {
            if (c == '.')
            {
                continue;
            }

            if (count == 0 && c == '0')
            {
                decpt--;
                continue;
            }

            digits[count++] = c;
        }

        while (count > 1 && digits[count - 1] == '0')
        {
            count--;
        }

        return (count, decpt);
    }

    /// <summary>Python's float_repr layout: fixed for -4 ≤ exponent &lt; 16, else d.ddde±XX.</summary>
    private static int Layout<T>(ReadOnlySpan<T> digits, int decpt, Span<T> dest)
        where T : unmanaged, IBinaryInteger<T>
    {
        var zero = T.CreateTruncating('0');
        var point = T.CreateTruncating('.');
        var pos = 0;
        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0)
            {
                dest[pos++] = zero;
                dest[pos++] = point;
                for (var i = 0; i < -decpt; i++)
                {
                    dest[pos++] = zero;
                }

                digits.CopyTo(dest[pos..]);
                return pos + digits.Length;
            }

            if (decpt >= digits.Length)
            {
                digits.CopyTo(dest);
                pos = digits.Length;
                for (var i = digits.Length; i < decpt; i++)
                {
                    dest[pos++] = zero;
                }

                dest[pos++] = point;
                dest[pos++] = zero;
                return pos;
            }

            digits[..decpt].CopyTo(dest);
            dest[decpt] = point;
            digits[decpt..].CopyTo(dest[(decpt + 1)..]);
            return digits.Length + 1;
        }

        dest[pos++] = digits[0];
        if (digits.Length > 1)
        {
            dest[pos++] = point;
            digits[1..].CopyTo(dest[pos..]);
            pos += digits.Length - 1;
        }

        var exp = decpt - 1;
        dest[pos++] = T.CreateTruncating('e');
        dest[pos++] = T.CreateTruncating(exp < 0 ? '-' : '+');
        exp = Math.Abs(exp);
        if (exp >= 100)
        {
            dest[pos++] = T.CreateTruncating('0' + (exp / 100));
        }

        dest[pos++] = T.CreateTruncating('0' + (exp / 10 % 10));
        dest[pos++] = T.CreateTruncating('0' + (exp % 10));
        return pos;
    }

    private static int Copy<T>(string s, Span<T> dest)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (var i = 0; i < s.Length; i++)
        {
            dest[i] = T.CreateTruncating(s[i]);
        }

        return s.Length;
    }

}
