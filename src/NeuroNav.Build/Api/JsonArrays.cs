using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NeuroNav.Build.Api;

/// <summary>
/// The two large arrays of a Neuroscope text (tokens and values) written straight to UTF-8, to be spliced into a
/// <see cref="Utf8JsonWriter"/> with <c>WriteRawValue</c>. Same bytes the writer itself would produce for the
/// common cases, a few times faster: this is the per-token hot path of the build. Not thread-safe (one per worker).
/// </summary>
internal sealed class JsonArrays
{
    /// <summary>Printable ASCII that JSON strings carry unescaped.</summary>
    private static readonly SearchValues<char> PlainAscii =
        SearchValues.Create([.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not '"' and not '\\')]);

    private const int CacheSlots = 4096;
    private const int SlotBytes = 16; // "-1.1754944E-38" is the longest shortest-round-trip float: 14 bytes

    // Activations on real pages come from bf16 and are rounded to 6 decimals, so few distinct values repeat
    // thousands of times: a direct-mapped cache of their text saves most of the float formatting.
    private readonly int[] _cacheKeys = new int[CacheSlots];
    private readonly byte[] _cacheLengths = new byte[CacheSlots];
    private readonly byte[] _cacheText = new byte[CacheSlots * SlotBytes];

    /// <summary>A JSON array of strings, escaped as <see cref="JsonOutput.WriterOptions"/> escapes them.</summary>
    public static void WriteTokens(ArrayBufferWriter<byte> output, string[] tokens)
    {
        output.ResetWrittenCount();
        Put(output, (byte)'[');
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i > 0)
            {
                Put(output, (byte)',');
            }

            var token = tokens[i];
            if (!token.AsSpan().ContainsAnyExcept(PlainAscii))
            {
                var span = output.GetSpan(token.Length + 2);
                span[0] = (byte)'"';
                Ascii.FromUtf16(token, span[1..], out var written);
                span[written + 1] = (byte)'"';
                output.Advance(written + 2);
            }
            else
            {
                var encoded = JsonEncodedText.Encode(WellFormed(token), JsonOutput.WriterOptions.Encoder).EncodedUtf8Bytes;
                Put(output, (byte)'"');
                output.Write(encoded);
                Put(output, (byte)'"');
            }
        }

        Put(output, (byte)']');
    }

    /// <summary>A JSON array of float32 in shortest round-trip form; non-finite values are written as null.</summary>
    public void WriteValues(ArrayBufferWriter<byte> output, float[] values)
    {
        output.ResetWrittenCount();
        Put(output, (byte)'[');
        for (var i = 0; i < values.Length; i++)
        {
            var span = output.GetSpan(SlotBytes + 1);
            var at = 0;
            if (i > 0)
            {
                span[at++] = (byte)',';
            }

            at += Format(values[i], span[at..]);
            output.Advance(at);
        }

        Put(output, (byte)']');
    }

    private int Format(float value, Span<byte> destination)
    {
        if (!float.IsFinite(value))
        {
            "null"u8.CopyTo(destination);
            return 4;
        }

        if (SixDecimalFloat.TryFormat(value, destination, out var written))
        {
            return written;
        }

        var bits = BitConverter.SingleToInt32Bits(value);
        var slot = (int)((uint)(bits * -1640531535) >> 20); // Fibonacci hashing to 12 bits
        var text = _cacheText.AsSpan(slot * SlotBytes, SlotBytes);
        if (_cacheKeys[slot] == bits && _cacheLengths[slot] != 0)
        {
            var cached = text[.._cacheLengths[slot]];
            cached.CopyTo(destination);
            return cached.Length;
        }

        if (!value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"float {value.ToString(CultureInfo.InvariantCulture)} does not fit {SlotBytes} bytes");
        }

        _cacheKeys[slot] = bits;
        _cacheLengths[slot] = (byte)length;
        text[..length].CopyTo(destination);
        return length;
    }

    /// <summary>The token with each lone surrogate (invalid UTF-16, which UTF-8 cannot carry) replaced by U+FFFD.</summary>
    private static string WellFormed(string token) =>
        token.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0
            ? token
            : string.Concat(token.EnumerateRunes().Select(r => r.ToString()));

    private static void Put(ArrayBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }
}
