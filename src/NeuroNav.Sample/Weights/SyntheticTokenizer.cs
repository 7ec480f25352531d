using System.Text;
using System.Text.Json;

namespace NeuroNav.Sample.Weights;

/// <summary>
/// A synthetic byte-level BPE vocabulary (made-up words from two-letter syllables, most with a leading space, the last
/// id <c>&lt;|endoftext|&gt;</c>), written as GPT-2's <c>vocab.json</c> or a Hugging Face <c>tokenizer.json</c>, so the
/// weights of a synthetic checkpoint have token texts to show. Deterministic: token <c>i</c> is always the same word.
/// </summary>
public static class SyntheticTokenizer
{
    public const string EndOfText = "<|endoftext|>";

    private static readonly string[] Syllables =
        ["an", "be", "co", "da", "el", "fi", "go", "ha", "in", "jo", "ka", "lu", "me", "no", "or", "pa", "qu", "re", "si", "ta", "un", "vi", "wa", "ze"];

    /// <summary>The text of token <paramref name="id"/> of a vocabulary of <paramref name="vocab"/> tokens.</summary>
    public static string Text(int id, int vocab)
    {
        if (id == vocab - 1)
        {
            return EndOfText;
        }

        var word = new StringBuilder();
        var n = id;
        do
        {
            word.Insert(0, Syllables[n % Syllables.Length]);
            n /= Syllables.Length;
        }
        while (n > 0);
        return (id % 3 == 0 ? "" : " ") + word;
    }

    /// <summary>GPT-2's vocab.json: byte-level token string → id (a space is "Ġ").</summary>
    public static void WriteGpt2Vocab(string path, int vocab)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        for (var id = 0; id < vocab; id++)
        {
            w.WriteNumber(Encoded(id, vocab), id);
        }

        w.WriteEndObject();
    }

    /// <summary>A tokenizer.json with a byte-level BPE model; <see cref="EndOfText"/> is an added token, as GPT-NeoX's is.</summary>
    public static void WriteTokenizerJson(string path, int vocab)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteStartArray("added_tokens");
        w.WriteStartObject();
        w.WriteNumber("id", vocab - 1);
        w.WriteString("content", EndOfText);
        w.WriteBoolean("special", true);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("model");
        w.WriteString("type", "BPE");
        w.WriteStartObject("vocab");
        for (var id = 0; id < vocab - 1; id++)
        {
            w.WriteNumber(Encoded(id, vocab), id);
        }

        w.WriteEndObject();
        w.WriteStartArray("merges");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Encoded(int id, int vocab) => Text(id, vocab).Replace(' ', '\u0120');
}
