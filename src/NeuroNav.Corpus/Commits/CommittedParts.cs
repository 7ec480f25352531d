using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Parquet;

namespace NeuroNav.Corpus;

/// <summary>
/// The read side of the part lists: which parts of a table a reader may open, each checked against its list entry first.
/// A listed part that is missing, of another size or sha256, of another row count, or whose own metadata names another
/// table, model or layer than its folder stops the reader with a <see cref="CorpusException"/> naming the file. Files the
/// list does not name (a crash leftover, a stray copy) are never opened. A part checked once is not hashed again by
/// this process while its size and modification time stay the same (parts are immutable once committed).
/// </summary>
internal static class CommittedParts
{
    private static readonly ConcurrentDictionary<string, (long Bytes, DateTime Modified, string Sha256, int SchemaVersion)> Checked = new(StringComparer.Ordinal);

    /// <summary>The checked parts of <paramref name="table"/> in a layer, full paths, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(CorpusRoot root, string table, string model, int layer, CancellationToken ct)
    {
        var list = Load(root, model, layer);
        var parts = new List<string>();
        foreach (var entry in list.Parts.Where(p => p.Table == table).OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            if (await ProblemAsync(root, list, entry, ct).ConfigureAwait(false) is { } problem)
            {
                throw new CorpusException(problem);
            }

            parts.Add(Path.Combine(root.Folder, entry.Path));
        }

        return parts;
    }

    /// <summary>The list entries of <paramref name="table"/> in a layer, unchecked (for sizes and layer listings).</summary>
    public static IEnumerable<PartEntry> Entries(CorpusRoot root, string table, string model, int layer)
        => Load(root, model, layer).Parts.Where(p => p.Table == table);

    /// <summary>
    /// A layer's part list. A corpus written before part lists existed (no <c>_committed/corpus.json</c>, part files
    /// present) is refused with the way to adopt it, rather than read unchecked.
    /// </summary>
    public static PartListDocument Load(CorpusRoot root, string model, int layer)
    {
        CorpusLayout.ValidateModel(model);
        if (!PartList.IsMarked(root.Folder) && root.Tables.Any(t => CorpusLayout.HasPartFiles(root.Dir(t.Name, model, layer))))
        {
            throw Unadopted(root.Folder);
        }

        return PartList.Load(root.Folder, model, layer);
    }

    public static CorpusException Unadopted(string root) => new(
        $"Corpus {root} holds part files but no part lists ({PartList.Folder}/{PartList.MarkerName} is missing): it was written before NeuroNav " +
        $"listed its parts. Run 'neuronav compact --corpus {root}' (or any scrape into it) once to adopt them.");

    /// <summary>What is wrong with one listed part, or null when it is exactly what its list says.</summary>
    public static async Task<string?> ProblemAsync(CorpusRoot root, PartListDocument list, PartEntry entry, CancellationToken ct)
        => (await CheckAsync(root, list, entry, ct).ConfigureAwait(false)).Problem;

    /// <summary>What is wrong with one listed part (null when nothing), and the schema version its metadata states.</summary>
    public static async Task<(string? Problem, int SchemaVersion)> CheckAsync(CorpusRoot root, PartListDocument list, PartEntry entry, CancellationToken ct)
    {
        var listPath = PartList.ListPath(root.Folder, list.Model, list.Layer);
        var expected = PartitionPath.Relative(entry.Table, list.Model, list.Layer, entry.Name);
        var full = Path.Combine(root.Folder, entry.Path);
        if (entry.Path != expected || entry.Model != list.Model || entry.Layer != list.Layer || !root.HasTable(entry.Table) || !CorpusLayout.IsPartName(entry.Name))
        {
            return ($"Corpus part list {listPath} lists {entry.Path} as {entry.Table} of {entry.Model} layer {entry.Layer}, which is not a part of {list.Model} layer {list.Layer}.", 0);
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return ($"Corpus file {full} is missing: {listPath} lists it ({entry.Rows} rows of {entry.Table}).", 0);
        }

        if (info.Length != entry.Bytes)
        {
            return (string.Create(CultureInfo.InvariantCulture, $"Corpus file {full} has {info.Length} bytes; {listPath} says {entry.Bytes}: the file was changed or cut short."), 0);
        }

        var modified = info.LastWriteTimeUtc;
        if (Checked.TryGetValue(full, out var seen) && (seen.Bytes, seen.Modified, seen.Sha256) == (entry.Bytes, modified, entry.Sha256))
        {
            return (null, seen.SchemaVersion);
        }

        await using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: false);
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));
        if (sha != entry.Sha256)
        {
            return ($"Corpus file {full} is damaged: its sha256 is {sha}, {listPath} says {entry.Sha256}.", 0);
        }

        stream.Position = 0;
        long rows;
        IReadOnlyDictionary<string, string> metadata;
        try
        {
            await using var reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, ct).ConfigureAwait(false);
            rows = reader.Metadata?.NumRows ?? 0;
            metadata = reader.CustomMetadata;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ($"Corpus file {full} is not readable Parquet: {ex.Message}", 0);
        }

        if (rows != entry.Rows)
        {
            return (string.Create(CultureInfo.InvariantCulture, $"Corpus file {full} holds {rows} rows; {listPath} says {entry.Rows}."), 0);
        }

        var own = PartMetadata.Of(metadata);
        var layerText = list.Layer.ToString(CultureInfo.InvariantCulture);
        if (own is null && !entry.Adopted)
        {
            return ($"Corpus file {full} carries no {PartMetadata.Model}/{PartMetadata.Layer}/{PartMetadata.Table} metadata of its own.", 0);
        }

        if (own is { } o && (o.Table != entry.Table || o.Model != list.Model || o.Layer != layerText))
        {
            return ($"Corpus file {full} is misfiled: its own metadata says {o.Table} of {o.Model} layer {o.Layer}, its folder says {entry.Table} of {list.Model} layer {layerText}.", 0);
        }

        var version = PartMetadata.SchemaVersionOf(metadata);
        Checked[full] = (entry.Bytes, modified, entry.Sha256, version);
        return (null, version);
    }
}
