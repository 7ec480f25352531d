using System.Runtime.InteropServices;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>
/// Maps the raw (still JSON-escaped) bytes of a short token to one shared string, so that a page's
/// 20k tokens drawn from a few thousand distinct strings cost a few thousand allocations. Bounded:
/// it forgets everything once it holds <see cref="MaxEntries"/> strings.
/// </summary>
internal sealed class TokenInterner
{
    public const int MaxKeyLength = 64;
    private const int MaxEntries = 1 << 15;
    private const int BucketCount = MaxEntries * 2;

    private readonly int[] _buckets = new int[BucketCount];
    private readonly Entry[] _entries = new Entry[MaxEntries];
    private readonly byte[] _keys = new byte[MaxEntries * 16];
    private int _count;
    private int _keyBytes;

    /// <summary>The string for <paramref name="raw"/>, decoded by <paramref name="decoder"/> on a miss.</summary>
    public string GetOrAdd(ReadOnlySpan<byte> raw, bool escaped, JsonStringDecoder decoder)
    {
        if (raw.Length > MaxKeyLength)
        {
            return decoder.Decode(raw, escaped);
        }

        var hash = Hash(raw);
        ref var bucket = ref _buckets[(int)(hash & (BucketCount - 1))];
        for (var i = bucket - 1; i >= 0; i = _entries[i].Next)
        {
            ref readonly var e = ref _entries[i];
            if (e.Hash == hash && e.KeyLength == raw.Length && raw.SequenceEqual(_keys.AsSpan(e.KeyStart, e.KeyLength)))
            {
                return e.Value;
            }
        }

        var value = decoder.Decode(raw, escaped);
        if (_count == MaxEntries || _keyBytes + raw.Length > _keys.Length)
        {
            Clear();
            bucket = ref _buckets[(int)(hash & (BucketCount - 1))];
        }

        raw.CopyTo(_keys.AsSpan(_keyBytes));
        _entries[_count] = new Entry(hash, _keyBytes, raw.Length, bucket - 1, value);
        _keyBytes += raw.Length;
        bucket = ++_count;
        return value;
    }

    private void Clear()
    {
        Array.Clear(_buckets);
        Array.Clear(_entries, 0, _count);
        _count = 0;
        _keyBytes = 0;
    }

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 2166136261u ^ (uint)bytes.Length;
        var words = MemoryMarshal.Cast<byte, uint>(bytes);
        foreach (var w in words)
        {
            h = (h ^ w) * 16777619u;
            h ^= h >> 15;
        }

        for (var i = words.Length * 4; i < bytes.Length; i++)
        {
            h = (h ^ bytes[i]) * 16777619u;
        }

        return h ^ (h >> 16);
    }

    private readonly record struct Entry(uint Hash, int KeyStart, int KeyLength, int Next, string Value);
}
