using System.Globalization;
using System.Security.Cryptography;

namespace NeuroNav.Corpus;

/// <summary>
/// Folder and file names of the corpus. Part files are <c>part-{utc ticks:D19}-{8 random hex}.parquet</c>, so names sort in
/// write order; temp files start with '.' and end with '.tmp', so neither this reader nor a <c>*.parquet</c> glob sees them.
/// </summary>
internal static class CorpusLayout
{
    public const string Texts = "neuroscope_texts";
    public const string Neurons = "neuroscope_neurons";
    public const string Coverage = "coverage";
    public static readonly string[] Tables = [Texts, Neurons, Coverage];

    private const string PartPrefix = "part-";
    private const string PartSuffix = ".parquet";
    private static long lastTicks;

    public static string PartitionDir(string root, string table, string model, int layer)
        => Path.Combine(root, table, "model=" + model, "layer=" + layer.ToString(CultureInfo.InvariantCulture));

    /// <summary>The part files of a partition, oldest first (ordinal name order is write order).</summary>
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

    public static void ValidateModel(string model)
    {
        if (string.IsNullOrEmpty(model) || !model.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || model.StartsWith('.'))
        {
            throw new ArgumentException($"Model id '{model}' is not a valid partition value (letters, digits, '-', '_', '.').", nameof(model));
        }
    }

    public static void ValidateLayer(int layer)
        => ArgumentOutOfRangeException.ThrowIfNegative(layer);

    /// <summary>Every (model, layer) folder of any table that holds at least one part file.</summary>
    public static IReadOnlyList<(string Model, int Layer)> Partitions(string root)
    {
        var found = new HashSet<(string Model, int Layer)>();
        foreach (var table in Tables)
        {
            var tableDir = Path.Combine(root, table);
            if (!Directory.Exists(tableDir))
            {
                continue;
            }

            foreach (var modelDir in Directory.EnumerateDirectories(tableDir, "model=*"))
            {
                var model = Path.GetFileName(modelDir)["model=".Length..];
                foreach (var layerDir in Directory.EnumerateDirectories(modelDir, "layer=*"))
                {
                    if (int.TryParse(Path.GetFileName(layerDir)["layer=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var layer)
                        && Parts(layerDir).Count > 0)
                    {
                        found.Add((model, layer));
                    }
                }
            }
        }

        return [.. found.OrderBy(p => p.Model, StringComparer.Ordinal).ThenBy(p => p.Layer)];
    }

    private static long TicksOf(string part)
    {
        var name = Path.GetFileName(part);
        return name.Length > PartPrefix.Length + 19
            && long.TryParse(name.AsSpan(PartPrefix.Length, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
    }
}
