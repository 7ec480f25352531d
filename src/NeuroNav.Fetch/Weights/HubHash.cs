using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NeuroNav.Fetch.Weights;

/// <summary>
/// A file's SHA-256 and, for a file kept in git, its git blob id, computed in one streaming pass (a 6 GB file is read
/// once, never held).
/// </summary>
internal sealed record HubHash(long Size, string Sha256, string? GitBlobId)
{
    /// <summary>Whether this is the file the hub publishes: by its LFS SHA-256, or by its git blob id for a file kept in git.</summary>
    public bool Matches(HubEntry entry) =>
        Size == entry.Size
        && (entry.Sha256 is { } sha256 ? sha256 == Sha256 : entry.BlobId == GitBlobId);

    /// <summary>The published hash this file is checked against, and its own, for a message.</summary>
    public string Mismatch(HubEntry entry) =>
        Size != entry.Size
            ? string.Create(CultureInfo.InvariantCulture, $"{Size} bytes where the hub publishes {entry.Size}")
            : entry.Sha256 is { } sha256
                ? $"sha256 {Sha256} where the hub publishes {sha256}"
                : $"git blob id {GitBlobId} where the hub publishes {entry.BlobId}";

    /// <summary>Hashes <paramref name="path"/> for <paramref name="entry"/>: the blob id only when the hub checks the file by it.</summary>
    public static async Task<HubHash> OfFileAsync(string path, HubEntry entry, CancellationToken ct)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Git names a blob by SHA-1; it identifies the file the hub lists, it does not protect anything.
#pragma warning disable CA5350
        using var sha1 = entry.Kind == HubHashKind.GitBlobSha1 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA1) : null;
#pragma warning restore CA5350
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var size = stream.Length;
            sha1?.AppendData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob {size}\0")));
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    sha256.AppendData(buffer, 0, read);
                    sha1?.AppendData(buffer, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return new HubHash(size, Convert.ToHexStringLower(sha256.GetHashAndReset()), sha1 is null ? null : Convert.ToHexStringLower(sha1.GetHashAndReset()));
        }
    }
}
