using System.Globalization;
using System.Text.Json;
using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>
/// Parses N2G's <c>neuron_store.json</c> (docs/sources/neuron2graph.md#neuron-store): <c>{"activating": {token: ["L_N", ...]}, "important": {...}}</c>.
/// Streams the bytes (gpt2-xl's store is large); list order is arbitrary upstream, so entries come back sorted by
/// (layer, neuron, kind, token), duplicates removed. Tokens are kept exactly (<c>"\n"</c> and <c>" "</c> are tokens).
/// </summary>
public static class NeuronStoreParser
{
    /// <exception cref="GraphFormatException">Not JSON, not that shape, or a neuron that is not <c>L_N</c>.</exception>
    public static IReadOnlyList<StoreEntry> Parse(ReadOnlySpan<byte> bytes)
    {
        var entries = new HashSet<StoreEntry>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, "neuron_store.json is not an object");
            while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString();
                StoreKind? kind = key switch { "activating" => StoreKind.Activating, "important" => StoreKind.Important, _ => null };
                Read(ref reader);
                if (kind is null)
                {
                    reader.Skip();
                    continue;
                }

                ReadKind(ref reader, kind.Value, entries);
            }
        }
        catch (JsonException e)
        {
            throw new GraphFormatException($"neuron_store.json is not valid JSON: {e.Message}", e);
        }

        return [.. entries.OrderBy(e => e.Layer).ThenBy(e => e.Neuron).ThenBy(e => e.Kind).ThenBy(e => e.Token, StringComparer.Ordinal)];
    }

    private static void ReadKind(ref Utf8JsonReader reader, StoreKind kind, HashSet<StoreEntry> entries)
    {
        var name = kind == StoreKind.Activating ? "activating" : "important";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new GraphFormatException($"neuron_store.json \"{name}\" is not an object");
        }

        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var token = reader.GetString()!;
            Read(ref reader);
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new GraphFormatException($"neuron_store.json \"{name}\" token {Show(token)} is not a list of neurons");
            }

            while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw new GraphFormatException($"neuron_store.json \"{name}\" token {Show(token)}: a {reader.TokenType} where a neuron \"layer_neuron\" belongs");
                }

                var text = reader.GetString()!;
                var (layer, neuron) = ParseNeuron(text) ?? throw new GraphFormatException(
                    $"neuron_store.json \"{name}\" token {Show(token)}: '{text}' is not a neuron \"layer_neuron\"");
                entries.Add(new StoreEntry(token, kind, layer, neuron));
            }
        }
    }

    /// <summary>N2G's neuron id <c>"{layer}_{neuron}"</c>, or null.</summary>
    public static (int Layer, int Neuron)? ParseNeuron(string text)
    {
        var bar = text.IndexOf('_', StringComparison.Ordinal);
        return bar > 0
            && int.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var layer)
            && int.TryParse(text.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var neuron)
            ? (layer, neuron)
            : null;
    }

    private static string Show(string token) => JsonSerializer.Serialize(token, StoreJson.Default.String);

    private static bool Read(ref Utf8JsonReader reader) =>
        reader.Read() ? true : throw new GraphFormatException("neuron_store.json ends early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string message)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new GraphFormatException(message);
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class StoreJson : System.Text.Json.Serialization.JsonSerializerContext;
