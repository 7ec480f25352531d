using NeuroNav.Core;

namespace NeuroNav.Publish;

/// <summary>The partition manifests the partition jobs stored under <c>{prefix}_partitions/</c>.</summary>
public static class PartitionManifests
{
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, ManifestEntry>>> ReadAsync(IObjectStore store, string prefix, CancellationToken ct)
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

        var manifests = new List<IReadOnlyDictionary<string, ManifestEntry>>();
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            var bytes = await store.GetAsync(key, ct).ConfigureAwait(false) ?? throw new PublishException($"{key}: listed but gone");
            manifests.Add(SiteManifest.Parse(bytes, key));
        }

        return manifests;
    }
}
