using System.Buffers;
using System.Globalization;
using System.Text;

namespace NeuroNav.Sample.Formats;

/// <summary>A growable byte buffer for pages that are pure ASCII (Neuroscope pages are: their JSON is ensure_ascii).</summary>
public sealed class AsciiBuffer
{
    /// <summary>Characters json.dumps writes as they are: printable ASCII except the quote and the backslash.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private byte[] _bytes;

    public AsciiBuffer(int capacity = 1 << 16) => _bytes = new byte[Math.Max(capacity, 16)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _bytes.AsSpan(0, Length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Clear() => Length = 0;

    /// <summary>Appends text that must be ASCII (markup, numbers, escaped JSON).</summary>
    public AsciiBuffer Append(ReadOnlySpan<char> ascii)
    {
        var dest = Reserve(ascii.Length);
        if (Ascii.FromUtf16(ascii, dest, out _) != OperationStatus.Done)
        {
            var bad = ascii[ascii.IndexOfAnyExceptInRange('\0', (char)0x7F)];
            throw new ArgumentException($"non-ASCII character U+{(int)bad:X4} in page markup: '{ascii.ToString()}'", nameof(ascii));
        }

        Length += ascii.Length;
        return this;
    }

    public AsciiBuffer Append(char c) => Append([c]);

    public AsciiBuffer Append(long value)
    {
        Span<char> digits = stackalloc char[24];
        value.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
        return Append(digits[..n]);
    }

    /// <summary>Appends Python's repr of <paramref name="value"/> as json.dumps writes it.</summary>
    public AsciiBuffer AppendRepr(double value)
    {
        Span<char> text = stackalloc char[40];
        var n = PythonFloat.Repr(value, text);
        return Append(text[..n]);
    }

    /// <summary>Appends Python's <c>repr(round(value, ndigits))</c>.</summary>
    public AsciiBuffer AppendReprRounded(double value, int ndigits)
    {
        Length += PythonFloat.ReprRounded(value, ndigits, Reserve(40));
        return this;
    }

    /// <summary>Appends <paramref name="value"/> as a JSON string the way Python's json.dumps(ensure_ascii=True) writes it.</summary>
    public AsciiBuffer AppendJsonString(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(Plain))
        {
            var plain = Reserve(value.Length + 2);
            plain[0] = (byte)'"';
            Ascii.FromUtf16(value, plain[1..], out _);
            plain[^1] = (byte)'"';
            Length += value.Length + 2;
            return this;
        }

        var dest = Reserve((value.Length * 6) + 2);
        var pos = 0;
        dest[pos++] = (byte)'"';
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': dest[pos++] = (byte)'\\'; dest[pos++] = (byte)'"'; break;
                case '\\': dest[pos++] = (byte)'\\'; dest[pos++] = (byte)'\\'; break;
                case '\n': dest[pos++] = (byte)'\\'; dest[pos++] = (byte)'n'; break;
                case '\r': dest[pos++] = (byte)'\\'; dest[pos++] = (byte)'r'; break;
                case '\t': dest[pos++] = (byte)'\\'; dest[pos++] = (byte)'t'; break;
                case '\b': dest[pos++] = (byte)'\\'; dest[pos++] = (byte)'b'; break;
                case '\f': dest[pos++] = (byte)'\\'; dest[pos++] = (byte)'f'; break;
                case < ' ' or >= (char)0x7F:
                    dest[pos++] = (byte)'\\';
                    dest[pos++] = (byte)'u';
                    dest[pos++] = Hex(c >> 12);
                    dest[pos++] = Hex((c >> 8) & 0xF);
                    dest[pos++] = Hex((c >> 4) & 0xF);
                    dest[pos++] = Hex(c & 0xF);
                    break;
                default: dest[pos++] = (byte)c; break;
            }
        }

        dest[pos++] = (byte)'"';
        Length += pos;
        return this;
    }

    private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
        }

        return _bytes.AsSpan(Length, count);
    }
}
