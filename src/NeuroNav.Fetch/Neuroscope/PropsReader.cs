using System.Buffers;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>The props of one ColoredTokens render.</summary>
internal sealed record RenderProps(string[] Tokens, float[] Values, double MinValue, double MaxValue);

/// <summary>
/// Reads the one-line props object CircuitsVis writes, <c>{"tokens": [...], "values": [...], "minValue": x,
/// "maxValue": y}</c>, straight from the page bytes. Unlike System.Text.Json it accepts Python's bare
/// <c>NaN</c>/<c>Infinity</c>. Keys may come in any order; unknown keys are an error; minValue/maxValue may
/// be absent (then NaN).
/// </summary>
internal ref struct PropsReader
{
    private static readonly SearchValues<byte> QuoteOrBackslash = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> NumberEnd = SearchValues.Create(",] \t}"u8);

    private readonly ReadOnlySpan<byte> _s;
    private readonly ParserScratch _scratch;
    private int _pos;

    private PropsReader(ReadOnlySpan<byte> s, ParserScratch scratch)
    {
        _s = s;
        _scratch = scratch;
    }

    /// <summary>Reads the object at the start of <paramref name="line"/>; only whitespace may follow it.</summary>
    public static RenderProps Read(ReadOnlySpan<byte> line, ParserScratch scratch)
    {
        var reader = new PropsReader(line, scratch);
        return reader.ReadObject();
    }

    private RenderProps ReadObject()
    {
        string[]? tokens = null;
        float[]? values = null;
        double min = double.NaN, max = double.NaN;
        Expect((byte)'{');
        if (!TryConsume((byte)'}'))
        {
            do
            {
                var key = ReadRawString(out _);
                Expect((byte)':');
                if (key.SequenceEqual("tokens"u8) && tokens is null)
                {
                    tokens = ReadStringArray();
                }
                else if (key.SequenceEqual("values"u8) && values is null)
                {
                    values = ReadFloatArray();
                }
                else if (key.SequenceEqual("minValue"u8))
                {
                    min = Numbers.ParseJsonDouble(ReadNumber());
                }
                else if (key.SequenceEqual("maxValue"u8))
                {
                    max = Numbers.ParseJsonDouble(ReadNumber());
                }
                else
                {
                    throw Fail($"unexpected or repeated key \"{System.Text.Encoding.UTF8.GetString(key)}\"");
                }
            }
            while (TryConsume((byte)','));

            Expect((byte)'}');
        }

        SkipWhitespace();
        if (_pos != _s.Length)
        {
            throw Fail("unexpected text after the props object");
        }

        return new RenderProps(
            tokens ?? throw Fail("no \"tokens\" key"),
            values ?? throw Fail("no \"values\" key"),
            min,
            max);
    }

    private string[] ReadStringArray()
    {
        var list = _scratch.Tokens;
        list.Clear();
        Expect((byte)'[');
        if (!TryConsume((byte)']'))
        {
            do
            {
                var raw = ReadRawString(out var escaped);
                list.Add(_scratch.Interner.GetOrAdd(raw, escaped, _scratch.Decoder));
            }
            while (TryConsume((byte)','));

            Expect((byte)']');
        }

        return list.ToArray();
    }

    private float[] ReadFloatArray()
    {
        var list = _scratch.Values;
        list.Clear();
        Expect((byte)'[');
        if (!TryConsume((byte)']'))
        {
            do
            {
                list.Add(Numbers.ParseJsonFloat(ReadNumber()));
            }
            while (TryConsume((byte)','));

            Expect((byte)']');
        }

        return list.ToArray();
    }

    /// <summary>The bytes between the quotes, still escaped; <paramref name="escaped"/> says whether any backslash occurs.</summary>
    private ReadOnlySpan<byte> ReadRawString(out bool escaped)
    {
        Expect((byte)'"');
        var start = _pos;
        escaped = false;
        while (true)
        {
            var hit = _s[_pos..].IndexOfAny(QuoteOrBackslash);
            if (hit < 0)
            {
                throw Fail("unterminated string");
            }

            _pos += hit;
            if (_s[_pos] == '"')
            {
                var raw = _s[start.._pos];
                _pos++;
                return raw;
            }

            escaped = true;
            _pos += 2;
            if (_pos > _s.Length)
            {
                throw Fail("unterminated string");
            }
        }
    }

    private ReadOnlySpan<byte> ReadNumber()
    {
        SkipWhitespace();
        var length = _s[_pos..].IndexOfAny(NumberEnd);
        if (length < 0)
        {
            throw Fail("unterminated number");
        }

        if (length == 0)
        {
            throw Fail("expected a number");
        }

        var number = _s.Slice(_pos, length);
        _pos += length;
        return number;
    }

    private void Expect(byte b)
    {
        if (!TryConsume(b))
        {
            throw Fail(_pos < _s.Length ? $"expected '{(char)b}' but found '{(char)_s[_pos]}'" : $"expected '{(char)b}' but the line ends");
        }
    }

    private bool TryConsume(byte b)
    {
        SkipWhitespace();
        if (_pos < _s.Length && _s[_pos] == b)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void SkipWhitespace()
    {
        while (_pos < _s.Length && _s[_pos] is (byte)' ' or (byte)'\t')
        {
            _pos++;
        }
    }

    private readonly PageFormatException Fail(string what) => new($"props JSON, byte {_pos} of the line: {what}");
}
