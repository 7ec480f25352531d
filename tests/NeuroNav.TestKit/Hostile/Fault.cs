namespace NeuroNav.TestKit.Hostile;

/// <summary>What a hostile source can do to one request.</summary>
public enum Fault
{
    /// <summary>429 Too Many Requests with <c>Retry-After: 1</c>.</summary>
    RateLimited,

    /// <summary>500 Internal Server Error.</summary>
    ServerError,

    /// <summary>503 Service Unavailable.</summary>
    Unavailable,

    /// <summary>The connection is dropped before any answer.</summary>
    ConnectionReset,

    /// <summary>The right page, sent only after the stall time (longer than the client's timeout).</summary>
    Stall,

    /// <summary>Content-Length of the whole page, half of it sent, then the connection is dropped.</summary>
    TruncatedBody,

    /// <summary>
    /// The right page gzip-compressed (<c>Content-Encoding: gzip</c>) and cut in half, sent whole under a matching
    /// Content-Length: the transfer is complete, the gzip stream is not.
    /// </summary>
    TruncatedGzip,

    /// <summary>A chunked 200 body larger than the client's size cap.</summary>
    OversizedBody,

    /// <summary>302 to the same path on another host name (which would answer, if it were asked).</summary>
    OffHostRedirect,

    /// <summary>A valid page, for the next neuron.</summary>
    OtherNeuron,

    /// <summary>The pre-v4 lexoscope layout of the right neuron.</summary>
    LegacyPage,

    /// <summary>The right page with one byte of a token replaced by 0xFF.</summary>
    InvalidUtf8,

    /// <summary>4 KiB of random bytes with status 200.</summary>
    Garbage,
}

/// <summary>Which faults a retry can get past, and which no retry will.</summary>
public static class FaultKinds
{
    public static IReadOnlyList<Fault> All { get; } = Enum.GetValues<Fault>();

    /// <summary>Faults the client retries: they clear if the source recovers within the retries.</summary>
    public static IReadOnlyList<Fault> Transient { get; } =
        [Fault.RateLimited, Fault.ServerError, Fault.Unavailable, Fault.ConnectionReset, Fault.Stall, Fault.TruncatedBody, Fault.TruncatedGzip];

    /// <summary>Faults that end the fetch at the first answer (not retried).</summary>
    public static IReadOnlyList<Fault> Permanent { get; } = [.. All.Except(Transient)];
}
