using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>
/// The corpus under one folder and the tables registered with it: the one object through which fetch, build, verify,
/// compact and publish reach every table of every source. It owns the layout (<see cref="PartitionPath"/>), the part
/// lists, the writer lock, compaction, statistics, the stale-file sweep, integrity checks and the neuron census, for
/// every registered table alike; each source's corpus code declares its tables (<see cref="CorpusTable"/>) and opens its
/// store from the root. <see cref="Open"/> registers the tables of every source NeuroNav knows.
/// </summary>
public sealed class CorpusRoot
{
    private readonly Dictionary<string, CorpusTable> _byName = new(StringComparer.Ordinal);

    /// <param name="tables">The sources' tables; the shared <c>coverage</c> table is always registered, first.</param>
    public CorpusRoot(string folder, CorpusFormat format, IEnumerable<CorpusTable> tables)
    {
        ArgumentNullException.ThrowIfNull(format);
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        Format = format;
        var list = new List<CorpusTable> { CoverageTable.Descriptor };
        _byName[CoverageTable.Name] = CoverageTable.Descriptor;
        foreach (var table in tables)
        {
            if (ReferenceEquals(table, CoverageTable.Descriptor))
            {
                continue;
            }

            if (!_byName.TryAdd(table.Validated().Name, table))
            {
                throw new ArgumentException($"Corpus table {table.Name} is registered twice with the corpus at {Folder}.", nameof(tables));
            }

            list.Add(table);
        }

        Tables = list;
    }

    /// <summary>The corpus at <paramref name="folder"/> with the tables of every source.</summary>
    public static CorpusRoot Open(string folder, CorpusFormat? format = null) => new(folder, format ?? CorpusFormat.Default, SourceTables.All);

    /// <summary>Full path of the corpus folder.</summary>
    public string Folder { get; }

    public CorpusFormat Format { get; }

    /// <summary>Every registered table, <c>coverage</c> first, then in registration order.</summary>
    public IReadOnlyList<CorpusTable> Tables { get; }

    /// <summary>The registered table <paramref name="name"/>; an unknown name is refused, naming it and the corpus.</summary>
    public CorpusTable Table(string name) => _byName.TryGetValue(name, out var table)
        ? table
        : throw new ArgumentException($"{name} is not a table of the corpus at {Folder} (its tables: {string.Join(", ", _byName.Keys)}).", nameof(name));

    public bool HasTable(string name) => _byName.ContainsKey(name);

    /// <summary>Every (model, layer) whose part list holds a part of any table, sorted by model (ordinal) then layer.</summary>
    public IReadOnlyList<(string Model, int Layer)> Partitions() => Partitions(_ => true);

    /// <summary>Every (model, layer) whose part list holds a part of a table <paramref name="which"/> selects, sorted by model (ordinal) then layer.</summary>
    public IReadOnlyList<(string Model, int Layer)> Partitions(Func<CorpusTable, bool> which)
    {
        if (!PartList.IsMarked(Folder))
        {
            return AnyPartFiles() ? throw CommittedParts.Unadopted(Folder) : [];
        }

        var names = Tables.Where(which).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return [.. PartList.All(Folder).Where(l => l.Parts.Any(p => names.Contains(p.Table))).Select(l => (l.Model, l.Layer))];
    }

    /// <summary>The newest coverage row per (neuron, source) of a layer, every source: latest attempted_at, ties to the later part; sorted by neuron, source.</summary>
    public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct) => CoverageTable.ReadNewestAsync(this, model, layer, ct);

    /// <summary>
    /// Rewrites a layer into one part per table, every table of every source, each by its own rule (<see cref="TableCompaction"/>):
    /// readers see the same rows before and after. One commit of the layer's part list; the old files are deleted after it.
    /// Run it holding the lock (<see cref="Lock"/>).
    /// </summary>
    public Task CompactAsync(string model, int layer, CancellationToken ct) => Compactor.CompactAsync(this, model, layer, ct);

    internal Task CompactAsync(string model, int layer, Func<Compactor.Step, Task> reached, CancellationToken ct) => Compactor.CompactAsync(this, model, layer, ct, reached);

    /// <summary>Part count, bytes and rows of every table with parts in a layer, from its part list (nothing is opened).</summary>
    public Task<CorpusStats> StatsAsync(string model, int layer, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(CorpusStats.Read(this, model, layer));
    }

    /// <summary>Which neurons of a layer each source holds, from its census table (<see cref="CorpusTable.Census"/>).</summary>
    public Task<HeldNeurons> HeldAsync(string model, int layer, CancellationToken ct) => CorpusNeurons.HeldAsync(this, model, layer, ct);

    /// <summary>Every (model, layer) where some source holds a neuron, sorted by model (ordinal) then layer.</summary>
    public IReadOnlyList<(string Model, int Layer)> HeldLayers() => Partitions(t => t.Census);

    /// <summary>Takes the writer lock of the corpus for <paramref name="command"/>, adopting and sweeping as <see cref="CorpusLock"/> says. Every writer of every table takes it.</summary>
    /// <exception cref="FolderLockedException">Another process holds it.</exception>
    public CorpusLock Lock(string command) => CorpusLock.Acquire(this, command);

    /// <summary>Adopts a corpus written before part lists (once); returns the parts adopted.</summary>
    public Task<int> EnsureListedAsync(CancellationToken ct) => CorpusTidy.EnsureListedAsync(this, ct);

    /// <summary>The stale-file sweep: deletes temp files and every part file of every table its layer's list does not name. Only under the lock.</summary>
    public IReadOnlyList<string> RemoveUnlisted() => CorpusTidy.RemoveUnlisted(this);

    /// <summary>Every listed part checked, and every unlisted part file reported (<c>verify --corpus</c>).</summary>
    public Task<(IReadOnlyList<CorpusProblem> Problems, int Parts)> CheckAsync(CancellationToken ct) => CorpusIntegrity.CheckAsync(this, ct);

    /// <summary>Checks every listed part of a model's layers before a reader relies on them; throws naming the first damaged file.</summary>
    public Task CheckModelAsync(string model, CancellationToken ct) => CorpusIntegrity.CheckModelAsync(this, model, ct);

    /// <summary>Every committed part of every table, each checked against its list entry (what a copy of the corpus must hold), by path.</summary>
    public Task<IReadOnlyList<CorpusPart>> ListedPartsAsync(CancellationToken ct) => CorpusIntegrity.PartsAsync(this, ct);

    internal string Dir(string table, string model, int layer) => CorpusLayout.PartitionDir(Folder, table, model, layer);

    /// <summary>Every partition folder of every registered table on disk: (table, model, layer, folder).</summary>
    internal IEnumerable<(string Table, string Model, int Layer, string Dir)> PartitionFolders()
    {
        foreach (var table in Tables)
        {
            var tableDir = Path.Combine(Folder, table.Name);
            if (!Directory.Exists(tableDir))
            {
                continue;
            }

            foreach (var modelDir in Directory.EnumerateDirectories(tableDir, PartitionPath.ModelPattern))
            {
                if (!PartitionPath.TryParseModel(Path.GetFileName(modelDir), out var model))
                {
                    continue;
                }

                foreach (var layerDir in Directory.EnumerateDirectories(modelDir, PartitionPath.LayerPattern()))
                {
                    if (PartitionPath.TryParseLayer(Path.GetFileName(layerDir), out var layer))
                    {
                        yield return (table.Name, model, layer, layerDir);
                    }
                }
            }
        }
    }

    internal bool AnyPartFiles() => PartitionFolders().Any(f => CorpusLayout.HasPartFiles(f.Dir));
}

/// <summary>One committed part, checked against its list entry: where it is, what table and layer it holds, its size, rows, sha256 and schema version.</summary>
/// <param name="Path">Relative to the corpus root, with '/'.</param>
/// <param name="FullPath">The file on disk.</param>
public sealed record CorpusPart(string Path, string FullPath, string Table, string Model, int Layer, long Bytes, long Rows, string Sha256, int SchemaVersion);
