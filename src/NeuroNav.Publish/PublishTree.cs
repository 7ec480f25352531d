using NeuroNav.Core;

namespace NeuroNav.Publish;

/// <summary>
/// One tree of files to publish under one key prefix: the site (or a partition of it) or the corpus. Paths are relative
/// to <see cref="LocalRoot"/> and to <see cref="KeyPrefix"/> alike.
/// </summary>
/// <param name="Files">Every file to publish but the manifest, with the size and sha256 its manifest lists.</param>
/// <param name="ManifestPath">Where the tree's manifest is stored, relative to the prefix; uploaded after every other file.</param>
/// <param name="Manifest">The manifest's bytes.</param>
/// <param name="ParseManifest">Reads a previously stored manifest of this tree back into entries (bytes, origin for errors).</param>
/// <param name="Owns">Whether a stored path belongs to this tree: only such paths are compared and deleted.</param>
public sealed record PublishTree(
    string LocalRoot,
    string KeyPrefix,
    IReadOnlyDictionary<string, ManifestEntry> Files,
    string ManifestPath,
    byte[] Manifest,
    Func<byte[], string, IReadOnlyDictionary<string, ManifestEntry>> ParseManifest,
    Func<string, bool> Owns)
{
    public string Key(string path) => KeyPrefix + path;

    /// <summary>The local file of a tree path: <c>path.gz</c> for a file the manifest lists as gzip-compressed.</summary>
    public string LocalFile(string path) =>
        SitePath.Resolve(LocalRoot, StoredEncoding.DiskPath(path, Files.TryGetValue(path, out var entry) ? entry.Encoding : null));

    /// <summary>What <paramref name="path"/> is stored with: its kind's headers, and its manifest entry's encoding.</summary>
    public ObjectHeaders Headers(string path) =>
        ObjectHeadersTable.For(path, Files.TryGetValue(path, out var entry) ? entry.Encoding : null);

    /// <summary>A key prefix as given on the command line: no leading slash, a trailing slash unless empty.</summary>
    public static string NormalizePrefix(string? prefix)
    {
        var p = (prefix ?? "").Trim().Trim('/');
        if (p.Length > 0 && !SitePath.IsValid(p))
        {
            throw new PublishException($"prefix '{prefix}' is not a valid key prefix (letters, digits, '-', '_', '.', '/')");
        }

        return p.Length == 0 ? "" : p + "/";
    }
}
