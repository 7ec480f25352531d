namespace NeuroNav.Build.Indexes;

/// <summary>
/// The layer indexes (<c>api/&lt;model&gt;/&lt;layer&gt;/index.json</c>) a partitioned rebuild has published: what the site-wide
/// and model indexes are built from instead of the corpus (<see cref="SiteBuilder.BuildIndexesAsync"/>).
/// </summary>
public interface IPublishedLayerIndexes
{
    /// <summary>Every (model, layer) that has a published layer index.</summary>
    IReadOnlyList<(string Model, int Layer)> Layers { get; }

    /// <summary>The layer index's bytes (decompressed) and where they were read from, named in errors.</summary>
    Task<(ReadOnlyMemory<byte> Bytes, string Origin)> ReadAsync(string model, int layer, CancellationToken ct);
}

/// <summary>The layer indexes among the paths of a published site, read through the given function (an object store's reader).</summary>
/// <param name="sitePaths">Site paths of the published files; those of layer indexes are kept.</param>
/// <param name="read">Reads a site path's bytes, decompressed.</param>
/// <param name="origin">Names a site path in errors (its object key).</param>
public sealed class SiteLayerIndexes(IEnumerable<string> sitePaths, Func<string, CancellationToken, Task<byte[]>> read, Func<string, string> origin) : IPublishedLayerIndexes
{
    public IReadOnlyList<(string Model, int Layer)> Layers { get; } = [.. sitePaths.Select(Published.LayerOf).OfType<(string Model, int Layer)>().Order()];

    public async Task<(ReadOnlyMemory<byte> Bytes, string Origin)> ReadAsync(string model, int layer, CancellationToken ct)
    {
        var path = Published.LayerIndexPath(model, layer);
        return (await read(path, ct).ConfigureAwait(false), origin(path));
    }
}

/// <summary>The layer indexes of a built site on disk (an output folder, or a copy of a published site).</summary>
public sealed class FolderLayerIndexes : IPublishedLayerIndexes
{
    private readonly string _root;

    public FolderLayerIndexes(string siteDirectory)
    {
        _root = Path.GetFullPath(siteDirectory);
        var api = Path.Combine(_root, "api");
        Layers = !Directory.Exists(api) ? [] : [.. Directory.EnumerateFiles(api, "index.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'))
            .Select(Published.LayerOf)
            .OfType<(string Model, int Layer)>()
            .Order()];
    }

    public IReadOnlyList<(string Model, int Layer)> Layers { get; }

    public async Task<(ReadOnlyMemory<byte> Bytes, string Origin)> ReadAsync(string model, int layer, CancellationToken ct)
    {
        var file = Path.Combine(_root, Published.LayerIndexPath(model, layer));
        return (await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false), file);
    }
}

/// <summary>Where a layer index is published.</summary>
public static class Published
{
    public static string LayerIndexPath(string model, int layer) => Api.ApiPaths.LayerIndex(model, layer);

    /// <summary>The model and layer of a layer index path (<c>api/&lt;model&gt;/&lt;layer&gt;/index.json</c>); null for any other path.</summary>
    public static (string Model, int Layer)? LayerOf(string path)
    {
        var s = path.Split('/');
        return s is ["api", var model, var layer, "index.json"] && Core.ModelId.IsValid(model)
            && int.TryParse(layer, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var l)
            ? (model, l)
            : null;
    }
}
