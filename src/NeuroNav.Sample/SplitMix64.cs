namespace NeuroNav.Sample;

/// <summary>
/// SplitMix64: a tiny PRNG whose sequence is fixed by its definition, so synthetic data is identical on every
/// machine and .NET version (System.Random makes no such promise). Uses integer and exact IEEE operations only.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)((NextUInt64() >> 33) % (ulong)maxExclusive);
    }

    /// <summary>Uniform in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>Roughly normal (Irwin–Hall sum of four uniforms), from additions only so it is bit-identical everywhere.</summary>
    public double NextGaussian(double mean, double sigma)
    {
        var sum = NextDouble() + NextDouble() + NextDouble() + NextDouble();
        return mean + ((sum - 2.0) * 1.7320508075688772 * sigma);
    }

    /// <summary>A seed derived from this one and a key, for independent streams per model/layer/neuron.</summary>
    public static ulong Derive(ulong seed, ulong key)
    {
        var mix = new SplitMix64(seed ^ (key * 0xD1B54A32D192ED03UL));
        return mix.NextUInt64();
    }
}
