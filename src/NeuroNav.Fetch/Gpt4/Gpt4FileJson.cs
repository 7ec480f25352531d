using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace NeuroNav.Fetch.Gpt4;

/// <summary>
/// Lenient reading of OpenAI's JSON: Python's bare <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> become strings
/// before System.Text.Json sees them; a UTF-8 BOM and surrounding blank lines are ignored; keys are looked up by
/// every name the field has had; unknown keys (<c>dataclass_name</c>, <c>response</c>, ...) are ignored.
/// </summary>
internal static class Gpt4FileJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Parses one JSON value from <paramref name="bytes"/>; throws <see cref="Gpt4FormatException"/> naming <paramref name="source"/>.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> bytes, string source)
    {
        var body = bytes.Span;
        if (body.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var text = QuoteBareLiterals(bytes);
        if (text.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new Gpt4FormatException(source, "the file is empty");
        }

        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {e.BytePositionInLine + 1})") : "";
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new Gpt4FormatException(source, $"not one JSON value{where}: {(cut > 0 ? message[..cut] : message)}", e);
        }
    }

    /// <summary>
    /// <paramref name="bytes"/> with every bare <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> outside strings quoted;
    /// the same memory when there is none (the usual case).
    /// </summary>
    public static ReadOnlyMemory<byte> QuoteBareLiterals(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        ArrayBufferWriter<byte>? output = null;
        var copied = 0;
        var inString = false;
        for (var i = 0; i < span.Length; i++)
        {
            var b = span[i];
            if (inString)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (b == '"')
            {
                inString = true;
                continue;
            }

            var length = LiteralAt(span, i);
            if (length == 0)
            {
                continue;
            }

            output ??= new ArrayBufferWriter<byte>(span.Length + 64);
            output.Write(span[copied..i]);
            output.Write("\""u8);
            output.Write(span.Slice(i, length));
            output.Write("\""u8);
            i += length - 1;
            copied = i + 1;
        }

        if (output is null)
        {
            return bytes;
        }

        output.Write(span[copied..]);
        return output.WrittenMemory;
    }

    private static int LiteralAt(ReadOnlySpan<byte> span, int i)
    {
        var rest = span[i..];
        return rest.StartsWith("NaN"u8) ? 3
            : rest.StartsWith("Infinity"u8) ? 8
            : rest.StartsWith("-Infinity"u8) ? 9
            : 0;
    }

    /// <summary>The first of <paramref name="names"/> present on <paramref name="obj"/>, or null.</summary>
    public static JsonElement? Get(JsonElement obj, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (obj.TryGetProperty(name, out var value))
            {
                return value;
            }
        }

        return null;
    }

    public static JsonElement Object(JsonElement value, string source, string what) =>
        value.ValueKind == JsonValueKind.Object ? value : throw Wrong(source, what, "an object", value);

    public static JsonElement RequiredObject(JsonElement obj, string source, string what, params ReadOnlySpan<string> names) =>
        Object(Get(obj, names) ?? throw Missing(source, what, names[0]), source, $"{what}.{names[0]}");

    /// <summary>An array, or an empty one when absent or null.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement? value, string source, string what) => value switch
    {
        null or { ValueKind: JsonValueKind.Null } => [],
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray(),
        { } v => throw Wrong(source, what, "an array", v),
    };

    public static string String(JsonElement value, string source, string what) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Wrong(source, what, "a string", value);

    public static string[] Strings(JsonElement? value, string source, string what)
    {
        if (ArrayOrNull(value, source, what) is not { } array)
        {
            return [];
        }

        var result = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            result[i] = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Wrong(source, Item(what, i), "a string", item);
            i++;
        }

        return result;
    }

    /// <summary>A number; null for JSON null, NaN and ±Infinity (bare or quoted).</summary>
    public static double? Score(JsonElement? value, string source, string what)
    {
        var d = Double(value, source, what, -1);
        return double.IsFinite(d) ? d : null;
    }

    /// <summary>A number as double; NaN for absent or JSON null; ±Infinity and NaN as written.</summary>
    /// <param name="index">The element's index in <paramref name="what"/>, or -1; the path is built only for an error.</param>
    public static double Double(JsonElement? value, string source, string what, int index)
    {
        switch (value)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return double.NaN;
            case { ValueKind: JsonValueKind.Number } n:
                return n.GetDouble();
            case { ValueKind: JsonValueKind.String } s when s.ValueEquals("NaN"):
                return double.NaN;
            case { ValueKind: JsonValueKind.String } s when s.ValueEquals("Infinity"):
                return double.PositiveInfinity;
            case { ValueKind: JsonValueKind.String } s when s.ValueEquals("-Infinity"):
                return double.NegativeInfinity;
            default:
                throw Wrong(source, index < 0 ? what : Item(what, index), "a number", value.Value);
        }
    }

    public static float[] Floats(JsonElement? value, string source, string what)
    {
        if (ArrayOrNull(value, source, what) is not { } array)
        {
            return [];
        }

        var result = new float[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            result[i] = (float)Double(item, source, what, i);
            i++;
        }

        return result;
    }

    public static double?[] Scores(JsonElement? value, string source, string what)
    {
        if (ArrayOrNull(value, source, what) is not { } array)
        {
            return [];
        }

        var result = new double?[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var d = Double(item, source, what, i);
            result[i++] = double.IsFinite(d) ? d : null;
        }

        return result;
    }

    private static JsonElement? ArrayOrNull(JsonElement? value, string source, string what) => value switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Array } a => a,
        { } v => throw Wrong(source, what, "an array", v),
    };

    private static string Item(string what, int index) => string.Create(CultureInfo.InvariantCulture, $"{what}[{index}]");

    public static int Int(JsonElement value, string source, string what) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : throw Wrong(source, what, "an integer", value);

    /// <summary>The <c>neuron_id</c> of a file, or null when it has none.</summary>
    public static Gpt4NeuronId? NeuronId(JsonElement root, string source)
    {
        if (Get(root, "neuron_id") is not { ValueKind: JsonValueKind.Object } id)
        {
            return null;
        }

        var layer = Get(id, "layer_index") ?? throw Missing(source, "neuron_id", "layer_index");
        var neuron = Get(id, "neuron_index") ?? throw Missing(source, "neuron_id", "neuron_index");
        return new Gpt4NeuronId(Int(layer, source, "neuron_id.layer_index"), Int(neuron, source, "neuron_id.neuron_index"));
    }

    public static Gpt4FormatException Missing(string source, string what, string key) => new(source, $"{what} has no '{key}'");

    public static Gpt4FormatException Wrong(string source, string what, string expected, JsonElement actual) =>
        new(source, $"{what} should be {expected}, not {Describe(actual)}");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
