using System.Globalization;

namespace NeuroNav.Build.Html;

/// <summary>The one way pages print numbers: invariant culture, floats in shortest round-trip form.</summary>
internal static class Numbers
{
    /// <summary>Shortest round-trip form (<c>2.8752</c>, <c>1E-06</c>, <c>NaN</c>, <c>-Infinity</c>).</summary>
    public static string Float(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Float(float? value) => value is { } v ? Float(v) : "–";

    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Double(double? value) => value is { } v ? Double(v) : "–";

    /// <summary>For reading, not for data: rounded to 4 decimals as Neuroscope's headers print it (<c>2.8752</c>).</summary>
    public static string Rounded(double value) => Double(Math.Round(value, 4, MidpointRounding.AwayFromZero));

    /// <summary>An explanation score as every part of a page prints it: 3 decimals (<c>0.926</c>).</summary>
    public static string Score(double value) => Double(Math.Round(value, 3, MidpointRounding.AwayFromZero));

    /// <summary>A count with thousands separators: <c>36,864</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
