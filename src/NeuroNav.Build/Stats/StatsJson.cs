using System.Globalization;

namespace NeuroNav.Build.Stats;

/// <summary>
/// How statistics are written in JSON: rounded to 5 significant digits (they describe a small, biased sample; more digits
/// would only lengthen a layer index of 6,400 rows), as float32; non-finite values become null.
/// </summary>
internal static class StatsJson
{
    public const int SignificantDigits = 5;

    public static float? Round(double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return null;
        }

        var rounded = (float)double.Parse(v.ToString("G" + SignificantDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return float.IsFinite(rounded) ? rounded : null;
    }
}
