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

    /// <summary>Every table of the corpus, of every source.</summary>
    public static readonly string[] AllTables =
    [
        .. Tables, .. Gpt4.Gpt4Tables.DataTables,
        Graphs.GraphTables.Graphs, Graphs.GraphTables.Nodes, Graphs.GraphTables.Edges, Graphs.GraphTables.Stats, Graphs.GraphTables.Store, Graphs.GraphTables.Similar,
    ];

    private const string PartPrefix = "part-";
    private const string PartSuffix = ".parquet";
    private static long lastTicks;

    public static string PartitionDir(string root, string table, string model, int layer)
        => Path.Combine(root, table, "model=" + model, "layer=" + layer.ToString(CultureInfo.InvariantCulture));

    /// <summary><c>{table}/model={m}/layer={l}/{name}</c>, the path of a part relative to the corpus root.</summary>
    public static string RelativePartPath(string table, string model, int layer, string name)
        => string.Create(CultureInfo.InvariantCulture, $"{table}/model={model}/layer={layer}/{name}");

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

    /// <summary>Every (model, layer) whose part list holds a part of one of <paramref name="tables"/>, sorted by model (ordinal) then layer.</summary>
    public static IReadOnlyList<(string Model, int Layer)> Partitions(string root, IReadOnlyCollection<string> tables)
    {
        if (!PartList.IsMarked(root))
        {
            return AnyPartFiles(root) ? throw CommittedParts.Unadopted(root) : [];
        }

        return [.. PartList.All(root).Where(l => l.Parts.Any(p => tables.Contains(p.Table))).Select(l => (l.Model, l.Layer))];
    }

    /// <summary>Every partition folder of every table: (table, model, layer, folder).</summary>
    public static IEnumerable<(string Table, string Model, int Layer, string Dir)> PartitionFolders(string root)
    {
        foreach (var table in AllTables)
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
                    if (int.TryParse(Path.GetFileName(layerDir)["layer=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var layer))
                    {
                        yield return (table, model, layer, layerDir);
                    }
                }
            }
        }
    }

    public static bool AnyPartFiles(string root) => PartitionFolders(root).Any(f => HasPartFiles(f.Dir));

    private static long TicksOf(string part)
    {
        var name = Path.GetFileName(part);
        return name.Length > PartPrefix.Length + 19
            && long.TryParse(name.AsSpan(PartPrefix.Length, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
    }
}
