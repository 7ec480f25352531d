using System.Security.Cryptography;

namespace NeuroNav.Core;

public static class Hashing
{
    /// <summary>sha256 as lower-case hex, the form every provenance and manifest entry uses.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
