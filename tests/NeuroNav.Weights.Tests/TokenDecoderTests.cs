using System.Text;
using NeuroNav.Weights.Tokens;

namespace NeuroNav.Weights.Tests;

public sealed class TokenDecoderTests
{
    private static MemoryStream Json(string s) => new(Encoding.UTF8.GetBytes(s));

    [Fact]
    public void Gpt2_vocab_maps_byte_level_characters_back_to_text()
    {
        // "Ġ" stands for the space byte, "Ċ" for newline, "Ã©" for the two UTF-8 bytes of "é", "âĢ" for a partial "—".
        var vocab = TokenDecoder.FromGpt2Vocab(Json("""{"!": 0, "Ġthe": 262, "Ċ": 198, "cafÃ©": 7000, "âĢ": 1377, "<|endoftext|>": 50256}"""), "vocab.json");
        Assert.Equal(" the", vocab.Decode(262));
        Assert.Equal("\n", vocab.Decode(198));
        Assert.Equal("café", vocab.Decode(7000));
        Assert.Equal("<|endoftext|>", vocab.Decode(50256));
        Assert.Equal(new byte[] { 0xE2, 0x80 }, vocab.Bytes(1377));
        Assert.Equal("\uFFFD", vocab.Decode(1377));
        var e = Assert.Throws<WeightsException>(() => vocab.Decode(50257));
        Assert.Contains("vocab.json: token id 50257", e.Message);
    }

    [Fact]
    public void Neox_tokenizer_json_reads_the_bpe_vocab_and_added_tokens_as_plain_text()
    {
        var json = """
            {"version": "1.0", "added_tokens": [{"id": 0, "content": "<|endoftext|>", "special": true}, {"id": 50277, "content": "  ", "special": false}],
             "model": {"type": "BPE", "vocab": {"<|endoftext|>": 0, "ĠNeuro": 9998, "ĉ": 186}, "merges": []}}
            """;
        var tok = TokenDecoder.FromTokenizerJson(Json(json), "tokenizer.json");
        Assert.Equal(" Neuro", tok.Decode(9998));
        Assert.Equal("\t", tok.Decode(186));
        Assert.Equal("  ", tok.Decode(50277));
        Assert.Equal("<|endoftext|>", tok.Decode(0));
    }

    [Fact]
    public void A_vocabulary_character_outside_the_byte_alphabet_is_refused()
    {
        var e = Assert.Throws<WeightsException>(() => TokenDecoder.FromGpt2Vocab(Json("""{"a\u4e00": 5}"""), "vocab.json"));
        Assert.Contains("U+4E00", e.Message);
    }
}
