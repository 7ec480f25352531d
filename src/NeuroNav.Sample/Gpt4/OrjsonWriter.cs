using System.Globalization;
using System.Text;
using NeuroNav.Sample.Formats;

namespace NeuroNav.Sample.Gpt4;

/// <summary>
/// Writes JSON the way <c>orjson.dumps</c> does: compact, keys in the order written, non-ASCII as raw UTF-8, only
/// <c>"</c>, <c>\</c> and control characters escaped, NaN/±Infinity as <c>null</c>. Optionally omits every
/// <c>dataclass_name</c> key, or writes bare <c>NaN</c> as Python's <c>json.dumps</c> does.
/// </summary>
internal sealed class OrjsonWriter(bool dataclassNames = true, bool bareNaN = false)
{
    private readonly StringBuilder _text = new();
    private bool _comma;

    public OrjsonWriter Open(string? dataclass)
    {
        Separator();
        _text.Append('{');
        _comma = false;
        if (dataclass is not null && dataclassNames)
        {
            Key("dataclass_name").String(dataclass);
        }

        return this;
    }

    public OrjsonWriter Close()
    {
        _text.Append('}');
        _comma = true;
        return this;
    }

    public OrjsonWriter OpenArray()
    {
        Separator();
        _text.Append('[');
        _comma = false;
        return this;
    }

    public OrjsonWriter CloseArray()
    {
        _text.Append(']');
        _comma = true;
        return this;
    }

    public OrjsonWriter Key(string key)
    {
        Separator();
        Quote(key);
        _text.Append(':');
        _comma = false;
        return this;
    }

    public OrjsonWriter String(string value)
    {
        Separator();
        Quote(value);
        _comma = true;
        return this;
    }

    public OrjsonWriter Null()
    {
        Separator();
        _text.Append("null");
        _comma = true;
        return this;
    }

    public OrjsonWriter Int(int value)
    {
        Separator();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        _comma = true;
        return this;
    }

    public OrjsonWriter Number(double? value)
    {
        if (value is not { } v)
        {
            return Null();
        }

        Separator();
        _text.Append(double.IsFinite(v) ? PythonFloat.Repr(v) : bareNaN ? PythonFloat.Repr(v) : "null");
        _comma = true;
        return this;
    }

    public OrjsonWriter Strings(IEnumerable<string> values)
    {
        OpenArray();
        foreach (var v in values)
        {
            String(v);
        }

        return CloseArray();
    }

    public OrjsonWriter Numbers(IEnumerable<double?> values)
    {
        OpenArray();
        foreach (var v in values)
        {
            Number(v);
        }

        return CloseArray();
    }

    public OrjsonWriter Numbers(IEnumerable<double> values) => Numbers(values.Select(v => (double?)v));

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_text.ToString());

    private void Separator()
    {
        if (_comma)
        {
            _text.Append(',');
            _comma = false;
        }
    }

    private void Quote(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                case '\b': _text.Append("\\b"); break;
                case '\f': _text.Append("\\f"); break;
                case < ' ': _text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: _text.Append(c); break;
            }
        }

        _text.Append('"');
    }
}
