using NeuroNav.Core;

namespace NeuroNav.Publish;

/// <summary>The partition manifests the partition jobs stored under <c>{prefix}_partitions/</c>.</summary>
public static class PartitionManifests
{
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, ManifestEntry>>> ReadAsync(IObjectStore store, string prefix, CancellationToken ct)
    {
        var manifests = new List<IReadOnlyDictionary<string, ManifestEntry>>();
        foreach (var key in await KeysAsync(store, prefix, ct).ConfigureAwait(false))
        {
            manifests.Add(await ReadOneAsync(store, key, ct).ConfigureAwait(false));
        }

        return manifests;
    }

    /// <summary>
    /// The site paths the partition manifests list that <paramref name="keep"/> selects, sorted ordinally; only those are held,
    /// one manifest at a time (the manifests of the whole archive list 3.4 million files).
    /// </summary>
    public static async Task<IReadOnlyList<string>> PathsAsync(IObjectStore store, string prefix, Func<string, bool> keep, CancellationToken ct)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in await KeysAsync(store, prefix, ct).ConfigureAwait(false))
        {
            paths.UnionWith((await ReadOneAsync(store, key, ct).ConfigureAwait(false)).Keys.Where(keep));
        }

        return [.. paths];
    }

    private static async Task<List<string>> KeysAsync(IObjectStore store, string prefix, CancellationToken ct)
    {
        var folder = prefix + SiteTrees.PartitionsFolder + "/";
        var keys = new List<string>();
        await foreach (var o in store.ListAsync(folder, ct).ConfigureAwait(false))
        {
            if (o.Key.EndsWith(".json", StringComparison.Ordinal))
            {
                keys.Add(o.Key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private static async Task<IReadOnlyDictionary<string, ManifestEntry>> ReadOneAsync(IObjectStore store, string key, CancellationToken ct) =>
        SiteManifest.Parse(await store.GetAsync(key, ct).ConfigureAwait(false) ?? throw new PublishException($"{key}: listed but gone"), key);
}
