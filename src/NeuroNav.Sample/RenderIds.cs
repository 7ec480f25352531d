namespace NeuroNav.Sample;

/// <summary>Supplies the element ids of ColoredTokens renders (<c>circuits-vis-</c> + 8 hex + <c>-</c> + 4 hex).</summary>
public interface IRenderIds
{
    string Next();
}

/// <summary>Hands out the given ids in order; for literal fixtures.</summary>
public sealed class FixedRenderIds(params string[] ids) : IRenderIds
{
    private int _next;

    public string Next() => _next < ids.Length
        ? ids[_next++]
        : throw new InvalidOperationException($"only {ids.Length} render ids were given");
}

/// <summary>Deterministic uuid-like ids from a seed, the same on every machine.</summary>
public sealed class SeededRenderIds(ulong seed) : IRenderIds
{
    private SplitMix64 _random = new(seed);

    public string Next()
    {
        var bits = _random.NextUInt64();
        return $"circuits-vis-{(uint)(bits >> 32):x8}-{(ushort)bits:x4}";
    }
}
