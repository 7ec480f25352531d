using System.Text;
using NeuroNav.Core;
using NeuroNav.Fetch.Neuroscope;

namespace NeuroNav.Fetch.Tests.Neuroscope;

public sealed class TokenDecodingTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\\\"b", "a\"b")]
    [InlineData("\\\\", "\\")]
    [InlineData("\\/", "/")]
    [InlineData("\\b\\f\\n\\r\\t", "\b\f\n\r\t")]
    [InlineData("\\u00e9\\u00C9", "\u00e9\u00c9")]
    [InlineData("\\ud83d\\ude00!", "\U0001F600!")]
    [InlineData("\\ude00\\ud83d", "\ufffd\ufffd")]
    [InlineData("\\ud83d\\u0041", "\ufffdA")]
    [InlineData("x\\ud83d", "x\ufffd")]
    public void Decoder_reads_json_escapes(string raw, string expected)
    {
        Assert.Equal(expected, new JsonStringDecoder().Decode(Encoding.UTF8.GetBytes(raw), escaped: true));
    }

    [Theory]
    [InlineData("\\")]
    [InlineData("\\u12")]
    [InlineData("\\q")]
    public void Decoder_rejects_broken_escapes(string raw)
    {
        Assert.Throws<PageFormatException>(() => new JsonStringDecoder().Decode(Encoding.UTF8.GetBytes(raw), escaped: true));
    }

    [Fact]
    public void Interner_returns_one_string_per_key_and_stays_correct_when_it_overflows()
    {
        var interner = new TokenInterner();
        var decoder = new JsonStringDecoder();
        var first = interner.GetOrAdd("\\u00e9t\\u00e9"u8, escaped: true, decoder);
        Assert.Equal("\u00e9t\u00e9", first);
        Assert.Same(first, interner.GetOrAdd("\\u00e9t\\u00e9"u8, escaped: true, decoder));

        for (var i = 0; i < 100_000; i++)
        {
            var key = $" tok{i}";
            Assert.Equal(key, interner.GetOrAdd(Encoding.ASCII.GetBytes(key), escaped: false, decoder));
        }

        Assert.Equal("\u00e9t\u00e9", interner.GetOrAdd("\\u00e9t\\u00e9"u8, escaped: true, decoder));
        var longToken = new string('x', TokenInterner.MaxKeyLength + 1);
        Assert.Equal(longToken, interner.GetOrAdd(Encoding.ASCII.GetBytes(longToken), escaped: false, decoder));
    }

    [Fact]
    public void Parser_gives_the_same_result_on_parallel_threads()
    {
        var pages = Enumerable.Range(0, 4).Select(seed => Fixtures.Synthetic(texts: 3, tokens: 200, seed: seed)).ToArray();
        var bytes = pages.Select(p => p.Html).ToArray();
        var expected = bytes.Select((b, i) => NeuronPageParser.Parse(b, pages[i].Input.Id, Fixtures.Provenance)).ToArray();

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            var i = k % 4;
            var actual = NeuronPageParser.Parse(bytes[i], pages[i].Input.Id, Fixtures.Provenance);
            for (var t = 0; t < actual.Texts.Count; t++)
            {
                Assert.True(expected[i].Texts[t].Tokens.AsSpan().SequenceEqual(actual.Texts[t].Tokens));
                Assert.True(expected[i].Texts[t].Values.AsSpan().SequenceEqual(actual.Texts[t].Values));
            }
        });
    }
}
