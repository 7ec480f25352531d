namespace NeuroNav.TestKit;

/// <summary>What goes wrong with one request for a file of the <see cref="HubMirror"/>.</summary>
public enum HubFaultKind
{
    None,

    /// <summary>The body starts with a Content-Length for all of it, and the connection drops after <see cref="HubFault.Bytes"/> bytes.</summary>
    DropConnection,

    /// <summary>The body has one byte changed, so it does not match the published hash.</summary>
    WrongBytes,

    /// <summary>429 with <c>Retry-After: <see cref="HubFault.RetryAfterSeconds"/></c>.</summary>
    TooManyRequests,

    /// <summary>404 with <c>X-Error-Code: EntryNotFound</c>, though the API lists the file.</summary>
    NotFound,

    /// <summary>403 with <c>X-Error-Code: GatedRepo</c>.</summary>
    Gated,
}

/// <summary>One scripted fault; see <see cref="HubMirror.Fault"/>.</summary>
public sealed record HubFault(HubFaultKind Kind, long Bytes = 0, int RetryAfterSeconds = 0)
{
    public static HubFault None { get; } = new(HubFaultKind.None);

    public static HubFault WrongBytes { get; } = new(HubFaultKind.WrongBytes);

    public static HubFault NotFound { get; } = new(HubFaultKind.NotFound);

    public static HubFault Gated { get; } = new(HubFaultKind.Gated);

    public static HubFault DropConnectionAfter(long bytes) => new(HubFaultKind.DropConnection, Bytes: bytes);

    public static HubFault TooManyRequests(int retryAfterSeconds) => new(HubFaultKind.TooManyRequests, RetryAfterSeconds: retryAfterSeconds);
}

/// <summary>A request the hub mirror answered.</summary>
/// <param name="Path">The path and query asked for.</param>
/// <param name="Range">The Range header, if any.</param>
/// <param name="Status">The status answered.</param>
/// <param name="BodyBytes">File bytes sent in the body (0 for API answers and redirects).</param>
/// <param name="Repository">The repository whose file it served (as stored, after a rename), or null.</param>
/// <param name="File">The file served, or null.</param>
/// <param name="ReceivedAt">When the request arrived.</param>
public sealed record HubMirrorRequest(string Path, string? Range, string? UserAgent, int Status, long BodyBytes, string? Repository, string? File, DateTimeOffset ReceivedAt);
