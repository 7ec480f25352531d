namespace NeuroNav.Fetch.Weights;

/// <summary>
/// A download from the model hub failed for good (not found, gated, hash mismatch, body broken off too often); the
/// message is one line naming the repository, the file (when one is concerned) and the URL.
/// </summary>
public sealed class HubException : Exception
{
    public HubException(string repository, string? file, Uri url, string what, Exception? inner = null)
        : base($"{repository}{(file is null ? "" : $": {file}")}: {what} ({url})", inner)
    {
        Repository = repository;
        File = file;
        Url = url;
    }

    /// <summary>The repository as asked for, or as landed on once the hub has redirected.</summary>
    public string Repository { get; }

    /// <summary>The file, or null for a failure of the repository itself (not found, revision unknown).</summary>
    public string? File { get; }

    public Uri Url { get; }
}
