namespace NeuroNav.Publish;

/// <summary>
/// The site the partition jobs of a rebuild have published, read back from the bucket: the files their partition manifests
/// (<c>{prefix}_partitions/</c>) list, each read as a reader gets it (<see cref="ObjectBody"/>). The indexes job builds the
/// site-wide and model indexes from the layer indexes it finds here, never from the corpus.
/// </summary>
public sealed class PublishedSite
{
    private readonly IObjectStore _store;

    private PublishedSite(IObjectStore store, string prefix, IReadOnlyList<string> paths)
    {
        _store = store;
        Prefix = prefix;
        Paths = paths;
    }

    /// <summary>The key prefix, normalized (empty, or ending in '/').</summary>
    public string Prefix { get; }

    /// <summary>The site paths selected when opened, sorted ordinally.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The published site under <paramref name="prefix"/>, holding the paths of its partition manifests that <paramref name="select"/> keeps.</summary>
    public static async Task<PublishedSite> OpenAsync(IObjectStore store, string prefix, Func<string, bool> select, CancellationToken ct)
    {
        var normalized = PublishTree.NormalizePrefix(prefix);
        return new PublishedSite(store, normalized, await PartitionManifests.PathsAsync(store, normalized, select, ct).ConfigureAwait(false));
    }

    public string Key(string path) => Prefix + path;

    /// <summary>The stored file's bytes, decompressed.</summary>
    /// <exception cref="PublishException">A partition manifest lists the file but the bucket does not hold it.</exception>
    public async Task<byte[]> ReadAsync(string path, CancellationToken ct) =>
        await _store.GetAsync(Key(path), ct).ConfigureAwait(false)
        ?? throw new PublishException($"{Key(path)}: a partition manifest lists it but the bucket does not hold it; rerun that partition's job");
}
