namespace NeuroNav.Publish;

/// <summary>An object as a listing reports it. <paramref name="ETag"/> is unquoted; an MD5 hex for single-part uploads.</summary>
public sealed record StoredObject(string Key, long Bytes, string? ETag);

/// <summary>The object store publishing writes to: S3 or any S3-compatible service (the seam tests replace).</summary>
public interface IObjectStore
{
    /// <summary>The object's bytes as a reader gets them (decompressed when its Content-Encoding says so), or null when there is no such key.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken ct);

    /// <summary>Every object whose key starts with <paramref name="prefix"/>.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken ct);

    /// <summary>Stores the file's bytes under <paramref name="key"/> with <paramref name="headers"/>.</summary>
    Task PutFileAsync(string key, string file, ObjectHeaders headers, CancellationToken ct);

    /// <summary>Stores <paramref name="body"/> under <paramref name="key"/> with <paramref name="headers"/>.</summary>
    Task PutBytesAsync(string key, byte[] body, ObjectHeaders headers, CancellationToken ct);

    /// <summary>Deletes the keys (at most 1,000 per call).</summary>
    Task DeleteAsync(IReadOnlyList<string> keys, CancellationToken ct);

    /// <summary>Sets the bucket's CORS rules so browsers on any origin can GET and HEAD the archive.</summary>
    Task ApplyCorsAsync(CancellationToken ct);
}
