using System.Text;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>
/// Decodes the content of a JSON string literal (the bytes between the quotes) as Python's
/// <c>json.dumps</c> writes it: <c>\" \\ \/ \b \f \n \r \t \uXXXX</c>, astral characters as surrogate
/// pairs. A lone surrogate escape (<c>\ud800</c> with no partner) becomes U+FFFD, so every token is
/// well-formed UTF-16 and can be written as UTF-8 downstream. Raw non-ASCII bytes are decoded as UTF-8
/// (the caller has checked the page is valid UTF-8).
/// </summary>
internal sealed class JsonStringDecoder
{
    private char[] _buffer = new char[256];

    public string Decode(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!escaped)
        {
            return Encoding.UTF8.GetString(raw);
        }

        if (_buffer.Length < raw.Length)
        {
            _buffer = new char[Math.Max(raw.Length, _buffer.Length * 2)];
        }

        var length = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var next = raw[i..].IndexOf((byte)'\\');
            var plain = next < 0 ? raw[i..] : raw.Slice(i, next);
            length += Encoding.UTF8.GetChars(plain, _buffer.AsSpan(length));
            i += plain.Length;
            if (next < 0)
            {
                break;
            }

            i = DecodeEscape(raw, i, ref length);
        }

        return new string(_buffer, 0, length);
    }

    private int DecodeEscape(ReadOnlySpan<byte> raw, int at, ref int length)
    {
        if (at + 1 >= raw.Length)
        {
            throw new PageFormatException("string ends inside an escape");
        }

        var c = raw[at + 1];
        if (c != 'u')
        {
            _buffer[length++] = c switch
            {
                (byte)'"' => '"',
                (byte)'\\' => '\\',
                (byte)'/' => '/',
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                _ => throw new PageFormatException($"invalid string escape '\\{(char)c}'"),
            };
            return at + 2;
        }

        var unit = Hex4(raw, at + 2);
        var end = at + 6;
        if (char.IsHighSurrogate(unit))
        {
            if (end + 6 <= raw.Length && raw[end] == '\\' && raw[end + 1] == 'u' && char.IsLowSurrogate(Hex4(raw, end + 2)))
            {
                _buffer[length++] = unit;
                _buffer[length++] = Hex4(raw, end + 2);
                return end + 6;
            }

            unit = '\uFFFD';
        }
        else if (char.IsLowSurrogate(unit))
        {
            unit = '\uFFFD';
        }

        _buffer[length++] = unit;
        return end;
    }

    private static char Hex4(ReadOnlySpan<byte> raw, int at)
    {
        if (at + 4 > raw.Length)
        {
            throw new PageFormatException("string ends inside a \\u escape");
        }

        var v = 0;
        for (var k = 0; k < 4; k++)
        {
            var d = HexDigit(raw[at + k]);
            if (d < 0)
            {
                throw new PageFormatException($"invalid \\u escape '{Encoding.ASCII.GetString(raw.Slice(at - 2, 6))}'");
            }

            v = (v << 4) | d;
        }

        return (char)v;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
