using NeuroNav.Core;

namespace NeuroNav.Build.Verify;

/// <summary>
/// The files of a built site as its manifest lists them: by public path, read decoded whether they are stored as is or
/// gzip-compressed (<c>path.gz</c> on disk, <see cref="StoredEncoding"/>).
/// </summary>
internal sealed class SiteFiles(string root, IReadOnlyDictionary<string, ManifestEntry> manifest, IReadOnlySet<string> present)
{
    /// <summary>The listed paths whose file is on disk.</summary>
    public IReadOnlySet<string> Present => present;

    /// <summary>The decoded content of a present path.</summary>
    public Stream OpenRead(string path)
    {
        var encoding = manifest[path].Encoding;
        return StoredEncoding.Decode(File.OpenRead(Path.Combine(root, StoredEncoding.DiskPath(path, encoding))), encoding);
    }

    public async Task<byte[]> ReadAllBytesAsync(string path, CancellationToken ct)
    {
        await using var stream = OpenRead(path);
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, ct).ConfigureAwait(false);
        return bytes.ToArray();
    }
}
