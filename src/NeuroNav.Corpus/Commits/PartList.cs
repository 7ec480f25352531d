using System.Collections.Concurrent;
using System.Text.Json;
using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>
/// The part lists of a corpus: <c>{root}/_committed/{partition}.json</c> (<see cref="PartitionPath"/>), one per (model, layer), listing every
/// committed part of every table of that layer with its rows, bytes and sha256. A commit replaces the list whole (written
/// to a temp file, fsynced, renamed over the old one), so a reader sees the old list or the new one, never a mix. Commits
/// of one layer are serialised in this process by a semaphore and across processes by an exclusive lock on
/// a hidden <c>.lock</c> file beside the list. <c>_committed/corpus.json</c> marks a corpus whose parts are listed.
/// </summary>
internal static class PartList
{
    public const string Folder = "_committed";
    public const string MarkerName = "corpus.json";
    private const string ListSuffix = ".json";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static string ListPath(string root, string model, int layer)
        => Path.Combine(root, Folder, PartitionPath.ModelFolder(model), PartitionPath.LayerFolder(layer) + ListSuffix);

    public static string MarkerPath(string root) => Path.Combine(root, Folder, MarkerName);

    public static bool IsMarked(string root) => File.Exists(MarkerPath(root));

    public static string Relative(string root, string fullPath) => Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    /// <summary>The layer's list; empty when it has none. A list that does not parse stops the reader, naming it.</summary>
    public static PartListDocument Load(string root, string model, int layer)
    {
        var path = ListPath(root, model, layer);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return PartListDocument.Empty(model, layer);
        }

        PartListDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(bytes, PartListJsonContext.Default.PartListDocument);
        }
        catch (JsonException e)
        {
            throw new CorpusException($"Corpus part list {path} is not valid JSON: {e.Message}", e);
        }

        if (doc is null || doc.Format != PartListDocument.FormatName || doc.Model != model || doc.Layer != layer)
        {
            throw new CorpusException($"Corpus part list {path} is not the part list of {model} layer {layer} (format '{doc?.Format}', model '{doc?.Model}', layer {doc?.Layer}).");
        }

        if (doc.Version > PartListDocument.CurrentVersion)
        {
            throw new CorpusException($"Corpus part list {path} has version {doc.Version}; this NeuroNav reads up to {PartListDocument.CurrentVersion}.");
        }

        return doc;
    }

    /// <summary>Every (model, layer) that has a part list, with the list; sorted by model (ordinal) then layer.</summary>
    public static IEnumerable<PartListDocument> All(string root)
    {
        var folder = Path.Combine(root, Folder);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var found = new List<(string Model, int Layer)>();
        foreach (var modelDir in Directory.EnumerateDirectories(folder, PartitionPath.ModelPattern))
        {
            if (!PartitionPath.TryParseModel(Path.GetFileName(modelDir), out var model))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(modelDir, PartitionPath.LayerPattern(ListSuffix)))
            {
                if (PartitionPath.TryParseLayer(Path.GetFileNameWithoutExtension(file), out var layer))
                {
                    found.Add((model, layer));
                }
            }
        }

        foreach (var (model, layer) in found.OrderBy(f => f.Model, StringComparer.Ordinal).ThenBy(f => f.Layer))
        {
            yield return Load(root, model, layer);
        }
    }

    /// <summary>
    /// Commits one layer's change in one step: <paramref name="added"/> become listed and the parts named in
    /// <paramref name="removed"/> (relative paths) stop being listed. Their files are the caller's to delete afterwards.
    /// </summary>
    public static async Task CommitAsync(string root, string model, int layer, IReadOnlyList<PartEntry> added, IReadOnlyCollection<string> removed, CancellationToken ct)
    {
        var path = ListPath(root, model, layer);
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var gate = Gates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var held = await LockFile.AcquireAsync(Path.Combine(dir, "." + Path.GetFileNameWithoutExtension(path) + ".lock"), ct).ConfigureAwait(false);
            var current = Load(root, model, layer);
            var gone = removed.ToHashSet(StringComparer.Ordinal);
            var kept = current.Parts.Where(p => !gone.Contains(p.Path)).ToList();
            var listed = kept.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var part in added)
            {
                if (part.Model != model || part.Layer != layer || !listed.Add(part.Path))
                {
                    throw new InvalidOperationException($"part {part.Path} cannot be committed to the list of {model} layer {layer}");
                }
            }

            var next = current with
            {
                Commit = current.Commit + 1,
                Parts = [.. kept.Concat(added).OrderBy(p => p.Table, StringComparer.Ordinal).ThenBy(p => p.Path, StringComparer.Ordinal)],
            };
            var bytes = JsonSerializer.SerializeToUtf8Bytes(next, PartListJsonContext.Default.PartListDocument);
            await AtomicFile.WriteAsync(path, (s, t) => s.WriteAsync(bytes, t).AsTask(), ct).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Writes the marker that says this corpus lists its parts.</summary>
    public static void Mark(string root)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new CorpusMarker(PartListDocument.FormatName, PartListDocument.CurrentVersion), PartListJsonContext.Default.CorpusMarker);
        AtomicFile.WriteAllBytes(MarkerPath(root), bytes);
    }
}
