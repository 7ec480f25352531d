using System.Globalization;
using System.Text.Json;
using NeuroNav.Fetch.Http;

namespace NeuroNav.Fetch.Weights;

/// <summary>One file of a resolved revision as the hub publishes it.</summary>
/// <param name="Sha256">The LFS object's SHA-256; null for a file kept in git itself.</param>
/// <param name="BlobId">The git blob id (SHA-1); for an LFS file, that of its pointer.</param>
internal sealed record HubEntry(string Name, long Size, string? Sha256, string? BlobId)
{
    public HubHashKind Kind => Sha256 is null ? HubHashKind.GitBlobSha1 : HubHashKind.LfsSha256;
}

/// <summary>A repository's revision pinned to its commit, with the files the hub lists for it.</summary>
internal sealed record HubResolved(HubRevision Revision, IReadOnlyDictionary<string, HubEntry> Files)
{
    /// <summary>The entry of <paramref name="name"/>; throws naming the repository, commit and URL when the revision has no such file.</summary>
    public HubEntry Entry(string name) =>
        Files.TryGetValue(name, out var entry)
            ? entry
            : throw new HubException(Revision.Landed, name, Revision.ApiUrl, $"not a file of revision {Revision.Revision} (commit {Revision.CommitSha})");
}

/// <summary>The hub's model API: resolves a repository and revision to a commit and its files' sizes and hashes.</summary>
internal static class HubApi
{
    /// <summary><c>{root}api/models/{repo}/revision/{rev}?blobs=true</c>: <c>blobs=true</c> adds each file's size, blob id and LFS object.</summary>
    public static Uri RevisionUrl(Uri root, string repository, string revision) =>
        new(root, $"api/models/{EscapePath(repository)}/revision/{Uri.EscapeDataString(revision)}?blobs=true");

    /// <summary><c>{root}{repo}/resolve/{sha}/{file}</c>: a file's bytes at one commit.</summary>
    public static Uri ResolveUrl(Uri root, string repository, string commit, string file) =>
        new(root, $"{EscapePath(repository)}/resolve/{commit}/{EscapePath(file)}");

    public static async Task<HubResolved> ResolveAsync(SourceHttpClient http, Uri root, string repository, string revision, CancellationToken ct)
    {
        var url = RevisionUrl(root, repository, revision);
        var result = await http.GetAsync(url, ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            var what = result.Error is not null
                ? $"the hub did not answer: {result.Describe()}"
                : HubErrors.Describe(result.StatusCode ?? 0, result.Headers, $"revision '{revision}'");
            throw new HubException(repository, null, result.FinalUrl, what);
        }

        HubModelInfoJson? info;
        try
        {
            info = JsonSerializer.Deserialize(result.Body, HubJsonContext.Default.HubModelInfoJson);
        }
        catch (JsonException e)
        {
            throw new HubException(repository, null, result.FinalUrl, $"the answer is not the hub's model JSON: {e.Message}", e);
        }

        if (info?.Sha is not { Length: 40 } sha || !sha.All(char.IsAsciiHexDigitLower))
        {
            throw new HubException(repository, null, result.FinalUrl, $"the answer names no commit (a 40-digit lower-case hex 'sha'; found '{info?.Sha}')");
        }

        var landed = info.Id ?? info.ModelId ?? LandedFromUrl(result.FinalUrl) ?? repository;
        var files = new Dictionary<string, HubEntry>(StringComparer.Ordinal);
        foreach (var s in info.Siblings ?? [])
        {
            if (s.Rfilename is { Length: > 0 } name)
            {
                var sha256 = s.Lfs?.Sha256?.ToLowerInvariant();
                files[name] = new HubEntry(name, s.Lfs?.Size ?? s.Size ?? -1, sha256, s.BlobId?.ToLowerInvariant());
            }
        }

        // Should a rename's redirect lose the query, the answer lists names only: ask the new name itself.
        if (landed != repository && files.Count > 0 && files.Values.All(f => f.Size < 0 && f.BlobId is null))
        {
            var again = await ResolveAsync(http, root, landed, revision, ct).ConfigureAwait(false);
            return again with { Revision = again.Revision with { Asked = repository, ApiUrl = url } };
        }

        return new HubResolved(new HubRevision(repository, landed, revision, sha, url), files);
    }

    /// <summary>Checks that the hub published a size and a hash for <paramref name="entry"/>; a file is never taken unverified.</summary>
    public static void RequireHash(HubResolved repo, HubEntry entry)
    {
        var hashOk = entry.Sha256 is { Length: 64 } || entry.BlobId is { Length: 40 };
        if (!hashOk || entry.Size < 0)
        {
            throw new HubException(
                repo.Revision.Landed,
                entry.Name,
                repo.Revision.ApiUrl,
                string.Create(CultureInfo.InvariantCulture, $"the hub publishes no {(hashOk ? "size" : "hash (lfs.sha256 or blobId)")} for it, and an unverified file is not taken"));
        }
    }

    /// <summary>Each segment of a repository or file path escaped, the slashes kept.</summary>
    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The repository in <c>…/api/models/{repo}/revision/…</c>, after the hub's redirects.</summary>
    private static string? LandedFromUrl(Uri url)
    {
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        var start = path.IndexOf("/api/models/", StringComparison.Ordinal);
        var end = path.LastIndexOf("/revision/", StringComparison.Ordinal);
        return start >= 0 && end > start + 12 ? path[(start + 12)..end] : null;
    }
}
