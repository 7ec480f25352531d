using System.Globalization;
using System.Security.Cryptography;

namespace NeuroNav.Corpus;

/// <summary>
/// Folder and file names of the corpus. Part files are <c>part-{utc ticks:D19}-{8 random hex}.parquet</c>, so names sort in
/// write order; temp files start with '.' and end with '.tmp', so neither this reader nor a <c>*.parquet</c> glob sees them.
/// </summary>
internal static class CorpusLayout
{
    private const string PartPrefix = "part-";
    private const string PartSuffix = ".parquet";
    private static long lastTicks;

    public static string PartitionDir(string root, string table, string model, int layer)
        => Path.Combine(root, table, PartitionPath.ModelFolder(model), PartitionPath.LayerFolder(layer));

    public static bool IsPartName(string name)
        => name.StartsWith(PartPrefix, StringComparison.Ordinal) && name.EndsWith(PartSuffix, StringComparison.Ordinal) && !name.Contains('/', StringComparison.Ordinal);

    public static bool HasPartFiles(string dir) => Directory.Exists(dir) && Directory.EnumerateFiles(dir, PartPrefix + "*" + PartSuffix).Any();

    /// <summary>
    /// The part files in a partition folder, oldest first (ordinal name order is write order), listed or not. Only for
    /// naming new parts and tidying: readers go through the part lists (<see cref="CommittedParts"/>).
    /// </summary>
    public static IReadOnlyList<string> Parts(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var parts = Directory.EnumerateFiles(dir, PartPrefix + "*" + PartSuffix)
            .Where(p => Path.GetFileName(p).StartsWith(PartPrefix, StringComparison.Ordinal))
            .ToList();
        parts.Sort(StringComparer.Ordinal);
        return parts;
    }

    /// <summary>A part name newer than every name already in <paramref name="dirs"/> and than any this process made.</summary>
    public static string NewPartName(IEnumerable<string> dirs)
    {
        var floor = dirs.SelectMany(Parts).Select(TicksOf).DefaultIfEmpty(0).Max();
        long ticks;
        long previous;
        do
        {
            previous = Interlocked.Read(ref lastTicks);
            ticks = Math.Max(Math.Max(DateTime.UtcNow.Ticks, previous + 1), floor + 1);
        }
        while (Interlocked.CompareExchange(ref lastTicks, ticks, previous) != previous);

        return string.Create(CultureInfo.InvariantCulture, $"{PartPrefix}{ticks:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}{PartSuffix}");
    }

    public static bool IsValidModel(string model)
        => !string.IsNullOrEmpty(model) && model.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !model.StartsWith('.');

    public static void ValidateModel(string model)
    {
        if (!IsValidModel(model))
        {
            throw new ArgumentException($"Model id '{model}' is not a valid partition value (letters, digits, '-', '_', '.').", nameof(model));
        }
    }

    public static void ValidateLayer(int layer)
        => ArgumentOutOfRangeException.ThrowIfNegative(layer);

    private static long TicksOf(string part)
    {
        var name = Path.GetFileName(part);
        return name.Length > PartPrefix.Length + 19
            && long.TryParse(name.AsSpan(PartPrefix.Length, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
    }
}
