using System.Text;
using System.Text.Json;

namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>
/// Reads JSON written by Python's <c>json.dump</c>, which prints non-finite floats as bare <c>NaN</c>, <c>Infinity</c> and
/// <c>-Infinity</c>. Those tokens (outside strings) are rewritten as the strings <c>"NaN"</c>, ... so System.Text.Json reads
/// the document; <see cref="Number"/> turns them back into doubles.
/// </summary>
internal static class PythonJson
{
    public static JsonDocument Parse(ReadOnlySpan<byte> bytes, string what)
    {
        try
        {
            return JsonDocument.Parse(QuoteNonFinite(bytes), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new GraphFormatException($"{what} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>A number, or one of the quoted non-finite names; null for JSON null.</summary>
    public static double? Number(JsonElement value, string what) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => throw new GraphFormatException($"{what} is the string '{s}', not a number"),
        },
        _ => throw new GraphFormatException($"{what} is {value.ValueKind}, not a number"),
    };

    private static byte[] QuoteNonFinite(ReadOnlySpan<byte> bytes)
    {
        var output = new List<byte>(bytes.Length + 16);
        var inString = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (inString)
            {
                output.Add(b);
                if (b == '\\' && i + 1 < bytes.Length)
                {
                    output.Add(bytes[++i]);
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
                output.Add(b);
                continue;
            }

            var word = Match(bytes[i..], "NaN"u8) ?? Match(bytes[i..], "Infinity"u8) ?? Match(bytes[i..], "-Infinity"u8);
            if (word is { } w)
            {
                output.Add((byte)'"');
                output.AddRange(Encoding.ASCII.GetBytes(w));
                output.Add((byte)'"');
                i += w.Length - 1;
                continue;
            }

            output.Add(b);
        }

        return [.. output];
    }

    private static string? Match(ReadOnlySpan<byte> rest, ReadOnlySpan<byte> word) =>
        rest.StartsWith(word) && (rest.Length == word.Length || !char.IsAsciiLetterOrDigit((char)rest[word.Length]))
            ? Encoding.ASCII.GetString(word)
            : null;
}
