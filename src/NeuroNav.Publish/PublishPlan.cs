using NeuroNav.Core;

namespace NeuroNav.Publish;

/// <summary>Why a file is uploaded.</summary>
public enum UploadReason
{
    /// <summary>The previous manifest does not list it.</summary>
    New,

    /// <summary>Its size or sha256 differs from the previous manifest's (or its size or ETag from the stored object's).</summary>
    Changed,

    /// <summary>There is no previous manifest and the bucket has no such object.</summary>
    MissingRemotely,
}

public sealed record PlannedUpload(string Path, long Bytes, UploadReason Reason);

/// <summary>What a publish will do: uploads with their reasons, then the manifest, then deletions.</summary>
/// <param name="ComparedWith">"manifest" when a previous manifest was found, otherwise "listing".</param>
/// <param name="UploadManifest">Whether the stored manifest differs from the new one.</param>
public sealed record PublishPlan(
    string ComparedWith,
    IReadOnlyList<PlannedUpload> Uploads,
    bool UploadManifest,
    IReadOnlyList<string> Deletes,
    int Unchanged)
{
    public long UploadBytes => Uploads.Sum(u => u.Bytes);

    /// <summary>The diff of <paramref name="tree"/> against the manifest stored by the previous publish.</summary>
    public static PublishPlan AgainstManifest(PublishTree tree, IReadOnlyDictionary<string, ManifestEntry> previous, byte[] previousManifest)
    {
        var uploads = new List<PlannedUpload>();
        var unchanged = 0;
        foreach (var (path, entry) in Sorted(tree.Files))
        {
            if (!previous.TryGetValue(path, out var old))
            {
                uploads.Add(new PlannedUpload(path, entry.Bytes, UploadReason.New));
            }
            else if (old != entry)
            {
                uploads.Add(new PlannedUpload(path, entry.Bytes, UploadReason.Changed));
            }
            else
            {
                unchanged++;
            }
        }

        var deletes = previous.Keys.Where(p => tree.Owns(p) && !tree.Files.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        return new PublishPlan("manifest", uploads, !previousManifest.AsSpan().SequenceEqual(tree.Manifest), deletes, unchanged);
    }

    /// <summary>
    /// The diff of <paramref name="tree"/> against the objects stored under its prefix, when there is no previous manifest:
    /// same size and an ETag equal to the local file's MD5 means unchanged.
    /// </summary>
    /// <param name="md5">The lower-case hex MD5 of a tree path's local file.</param>
    public static PublishPlan AgainstListing(PublishTree tree, IReadOnlyDictionary<string, StoredObject> stored, Func<string, string> md5)
    {
        var uploads = new List<PlannedUpload>();
        var unchanged = 0;
        foreach (var (path, entry) in Sorted(tree.Files))
        {
            if (!stored.TryGetValue(path, out var obj))
            {
                uploads.Add(new PlannedUpload(path, entry.Bytes, UploadReason.MissingRemotely));
            }
            else if (obj.Bytes != entry.Bytes || !string.Equals(obj.ETag, md5(path), StringComparison.OrdinalIgnoreCase))
            {
                uploads.Add(new PlannedUpload(path, entry.Bytes, UploadReason.Changed));
            }
            else
            {
                unchanged++;
            }
        }

        var deletes = stored.Keys
            .Where(p => p != tree.ManifestPath && tree.Owns(p) && !tree.Files.ContainsKey(p))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new PublishPlan("listing", uploads, true, deletes, unchanged);
    }

    private static IEnumerable<KeyValuePair<string, ManifestEntry>> Sorted(IReadOnlyDictionary<string, ManifestEntry> files) =>
        files.OrderBy(f => f.Key, StringComparer.Ordinal);
}
