using System.Globalization;
using System.Text;

namespace NeuroNav.Fetch.Tests.Neuroscope;

/// <summary>Python's own spellings, to write pages exactly as the Neuroscope generator does.</summary>
internal static class PythonFormat
{
    /// <summary><c>repr(float)</c> as json.dumps(allow_nan=True) writes it: <c>0.0</c>, <c>1e-06</c>, <c>1e+16</c>, <c>NaN</c>.</summary>
    public static string Repr(double v)
    {
        if (double.IsNaN(v))
        {
            return "NaN";
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? "Infinity" : "-Infinity";
        }

        var sign = double.IsNegative(v) ? "-" : "";
        if (v == 0)
        {
            return sign + "0.0";
        }

        // Shortest round-trip digits d (no leading/trailing zeros) and the decimal exponent of the first digit.
        var r = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        var ePos = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = ePos < 0 ? r : r[..ePos];
        var shift = ePos < 0 ? 0 : int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var all = mantissa.Replace(".", "", StringComparison.Ordinal);
        var intDigits = point < 0 ? mantissa.Length : point;
        var lead = all.Length - all.TrimStart('0').Length;
        var d = all.Trim('0');
        var exponent = intDigits - lead - 1 + shift;
        if (exponent < -4 || exponent >= 16)
        {
            var m = d.Length == 1 ? d : d[0] + "." + d[1..];
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{m}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}");
        }

        if (exponent < 0)
        {
            return sign + "0." + new string('0', -exponent - 1) + d;
        }

        var intPart = d.Length > exponent + 1 ? d[..(exponent + 1)] : d.PadRight(exponent + 1, '0');
        var frac = d.Length > exponent + 1 ? d[(exponent + 1)..] : "0";
        return sign + intPart + "." + frac;
    }

    /// <summary><c>f"{x:.4f}"</c>.</summary>
    public static string F4(double v) =>
        double.IsNaN(v) ? "nan"
        : double.IsPositiveInfinity(v) ? "inf"
        : double.IsNegativeInfinity(v) ? "-inf"
        : v.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary><c>json.dumps(s)</c> with ensure_ascii=True.</summary>
    public static string JsonString(string s)
    {
        var b = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case '\b': b.Append("\\b"); break;
                case '\f': b.Append("\\f"); break;
                case < ' ' or > '~': b.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: b.Append(c); break;
            }
        }

        return b.Append('"').ToString();
    }
}
