using System.Text;
using System.Text.Json;

namespace NeuroNav.Weights.Tokens;

/// <summary>
/// Token id → text for GPT-2's vocab.json and GPT-NeoX's tokenizer.json. Both are byte-level BPE: each token is
/// a string of stand-in characters, one per byte (GPT-2's bytes_to_unicode table), which this maps back to the
/// bytes and decodes as UTF-8. A token that ends inside a multi-byte character shows U+FFFD for the partial bytes.
/// </summary>
public sealed class TokenDecoder
{
    private static readonly Dictionary<char, byte> UnicodeToByte = BuildByteTable();
    private readonly Dictionary<int, byte[]> _bytes;
    private readonly string _origin;

    private TokenDecoder(Dictionary<int, byte[]> bytes, string origin)
    {
        _bytes = bytes;
        _origin = origin;
    }

    public int Count => _bytes.Count;

    /// <summary>Reads GPT-2's vocab.json: an object of token string → id.</summary>
    public static TokenDecoder FromGpt2Vocab(Stream json, string origin)
    {
        using var doc = Parse(json, origin);
        var bytes = new Dictionary<int, byte[]>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            bytes[p.Value.GetInt32()] = ToBytes(p.Name, origin);
        }

        return new TokenDecoder(bytes, origin);
    }

    /// <summary>Reads a Hugging Face tokenizer.json with a byte-level BPE model (GPT-NeoX, Pythia).</summary>
    public static TokenDecoder FromTokenizerJson(Stream json, string origin)
    {
        using var doc = Parse(json, origin);
        if (!doc.RootElement.TryGetProperty("model", out var model) || !model.TryGetProperty("vocab", out var vocab))
        {
            throw new WeightsException($"{origin}: tokenizer.json has no model.vocab");
        }

        var bytes = new Dictionary<int, byte[]>();
        foreach (var p in vocab.EnumerateObject())
        {
            bytes[p.Value.GetInt32()] = ToBytes(p.Name, origin);
        }

        if (doc.RootElement.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
        {
            // Added (special) tokens are stored as plain text, not byte-mapped.
            foreach (var t in added.EnumerateArray())
            {
                bytes[t.GetProperty("id").GetInt32()] = Encoding.UTF8.GetBytes(t.GetProperty("content").GetString() ?? "");
            }
        }

        return new TokenDecoder(bytes, origin);
    }

    public bool TryDecode(int id, out string text)
    {
        if (_bytes.TryGetValue(id, out var b))
        {
            text = Encoding.UTF8.GetString(b);
            return true;
        }

        text = "";
        return false;
    }

    public string Decode(int id) =>
        TryDecode(id, out var text) ? text : throw new WeightsException($"{_origin}: token id {id} is not in the vocabulary of {Count} tokens");

    /// <summary>The token's raw bytes (for tokens that are not whole UTF-8 characters).</summary>
    public byte[] Bytes(int id) =>
        _bytes.TryGetValue(id, out var b) ? b : throw new WeightsException($"{_origin}: token id {id} is not in the vocabulary of {Count} tokens");

    private static JsonDocument Parse(Stream json, string origin)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new WeightsException($"{origin}: not JSON: {e.Message}", e);
        }
    }

    private static byte[] ToBytes(string token, string origin)
    {
        var result = new byte[token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            result[i] = UnicodeToByte.TryGetValue(token[i], out var b)
                ? b
                : throw new WeightsException($"{origin}: token '{token}' has character U+{(int)token[i]:X4}, which is not in the byte-level alphabet");
        }

        return result;
    }

    /// <summary>GPT-2's bytes_to_unicode: printable Latin-1 bytes stand for themselves, the other 68 map to U+0100 onwards.</summary>
    private static Dictionary<char, byte> BuildByteTable()
    {
        var table = new Dictionary<char, byte>();
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            table[printable ? (char)b : (char)next++] = (byte)b;
        }

        return table;
    }
}
