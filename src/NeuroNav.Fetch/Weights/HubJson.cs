using System.Text.Json.Serialization;

namespace NeuroNav.Fetch.Weights;

/// <summary>
/// The part of the hub's <c>GET /api/models/{repo}/revision/{rev}?blobs=true</c> answer that NeuroNav reads; other
/// fields are ignored.
/// </summary>
internal sealed record HubModelInfoJson(string? Id, string? ModelId, string? Sha, IReadOnlyList<HubSiblingJson>? Siblings);

/// <summary>One file of the revision. <c>size</c>, <c>blobId</c> and <c>lfs</c> are present only with <c>blobs=true</c>.</summary>
internal sealed record HubSiblingJson(string? Rfilename, long? Size, string? BlobId, HubLfsJson? Lfs);

/// <summary>An LFS object: the SHA-256 and size of the whole file (<c>pointerSize</c> is the size of the pointer in git).</summary>
internal sealed record HubLfsJson(string? Sha256, long? Size, long? PointerSize);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HubModelInfoJson))]
[JsonSerializable(typeof(HubProvenance))]
internal sealed partial class HubJsonContext : JsonSerializerContext;
