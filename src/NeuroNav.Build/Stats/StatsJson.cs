namespace NeuroNav.Build.Stats;

/// <summary>How statistics are written in JSON: as float32, so a row stays short; non-finite values become null.</summary>
internal static class StatsJson
{
    public static float? Round(double? value) =>
        value is { } v && double.IsFinite(v) && float.IsFinite((float)v) ? (float)v : null;
}
