namespace NeuroNav.Fetch.Weights;

/// <summary>One repository as the hub resolved it.</summary>
/// <param name="Asked">The repository the mapping names, e.g. <c>gpt2</c>.</param>
/// <param name="Landed">The repository the hub answered for, after following a rename, e.g. <c>openai-community/gpt2</c>.</param>
/// <param name="Revision">The revision asked for (a branch, tag or commit), e.g. <c>main</c>.</param>
/// <param name="CommitSha">The commit the revision pointed at; every file is downloaded from exactly this commit.</param>
/// <param name="ApiUrl">The API URL asked.</param>
public sealed record HubRevision(string Asked, string Landed, string Revision, string CommitSha, Uri ApiUrl)
{
    /// <summary>Whether the hub redirected the name asked for to another repository.</summary>
    public bool Renamed => !string.Equals(Asked, Landed, StringComparison.Ordinal);
}

/// <summary>How a file was checked against what the hub publishes.</summary>
public enum HubHashKind
{
    /// <summary>The SHA-256 of the whole file, published for every LFS object (<c>siblings[].lfs.sha256</c>).</summary>
    LfsSha256,

    /// <summary>A file kept in git itself (not LFS) is checked by its git blob id: SHA-1 of <c>"blob {size}\0"</c> + content.</summary>
    GitBlobSha1,
}

/// <summary>One file in the folder, verified.</summary>
/// <param name="Name">The file's name in the repository and in the folder.</param>
/// <param name="Repository">The repository it came from (as landed on).</param>
/// <param name="CommitSha">The commit it came from.</param>
/// <param name="Url">The hub URL it is downloaded from (before the hub's redirect to its CDN).</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256 (lower-case hex), published by the hub for LFS files and computed here for the others.</param>
/// <param name="GitBlobId">Its git blob id as the hub publishes it.</param>
/// <param name="VerifiedBy">What it was checked against.</param>
/// <param name="Downloaded">False when the file was already present and verified, so nothing was downloaded.</param>
/// <param name="BytesTransferred">Body bytes received for it in this run (a resumed file counts only the rest).</param>
public sealed record HubFile(
    string Name,
    string Repository,
    string CommitSha,
    Uri Url,
    long Size,
    string Sha256,
    string? GitBlobId,
    HubHashKind VerifiedBy,
    bool Downloaded,
    long BytesTransferred);

/// <summary>Where a model's weights and tokenizer in a folder came from, as <see cref="HubDownloader"/> downloaded them.</summary>
/// <param name="Model">The catalog model.</param>
/// <param name="BaseUrl">The hub's root.</param>
/// <param name="Weights">The weights repository, revision and commit.</param>
/// <param name="Tokenizer">The tokenizer repository, revision and commit (the same as <paramref name="Weights"/> when it is the same repository).</param>
/// <param name="Files">Every file: the weights files in the mapping's order, then the tokenizer file.</param>
/// <param name="FetchedAt">When the download finished, UTC.</param>
public sealed record HubProvenance(
    string Model,
    Uri BaseUrl,
    HubRevision Weights,
    HubRevision Tokenizer,
    IReadOnlyList<HubFile> Files,
    DateTimeOffset FetchedAt)
{
    /// <summary>The file name NeuroNav writes this record under, in the folder beside the files.</summary>
    public const string FileName = "hub-provenance.json";
}

/// <summary>What a download is doing, for a progress line.</summary>
public enum HubStage
{
    /// <summary>Hashing a file that is already present.</summary>
    Checking,

    /// <summary>Receiving a file's body (<see cref="HubProgress.Bytes"/> so far, a resumed file counting what it had).</summary>
    Downloading,

    /// <summary>The file is in place and verified.</summary>
    Done,
}

/// <summary>Progress of one file.</summary>
public sealed record HubProgress(string Repository, string File, HubStage Stage, long Bytes, long Size);
