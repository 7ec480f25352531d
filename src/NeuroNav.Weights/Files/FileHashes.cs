using System.Security.Cryptography;

namespace NeuroNav.Weights.Files;

/// <summary>Checks downloaded files against the sha256 the hub publishes for each LFS object.</summary>
public static class FileHashes
{
    /// <summary>Lower-case hex sha256 of a file, read in a stream (a 6 GB file is never held).</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(fs, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// Verifies every file of <paramref name="expected"/> (file name → sha256) in <paramref name="folder"/>; throws
    /// naming the first file that is missing or differs, with both hashes.
    /// </summary>
    public static async Task VerifyAsync(string folder, IReadOnlyDictionary<string, string> expected, CancellationToken ct)
    {
        foreach (var (file, sha) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var path = System.IO.Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                throw new WeightsException($"{path}: missing; expected a file with sha256 {sha}");
            }

            var actual = await Sha256Async(path, ct).ConfigureAwait(false);
            if (!string.Equals(actual, sha, StringComparison.OrdinalIgnoreCase))
            {
                throw new WeightsException($"{path}: sha256 {actual} does not match the published {sha.ToLowerInvariant()}");
            }
        }
    }
}
