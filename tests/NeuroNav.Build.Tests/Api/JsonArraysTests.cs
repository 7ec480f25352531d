using System.Buffers;
using System.Text;
using System.Text.Json;
using NeuroNav.Build.Api;

namespace NeuroNav.Build.Tests.Api;

public sealed class JsonArraysTests
{
    [Fact]
    public void Tokens_are_the_bytes_the_json_writer_produces()
    {
        string[] tokens = ["<|endoftext|>", " cat", "", " \"quoted\"", "back\\slash", "\n", "\t\r", "\u0001", "\u007f", "é", "日本", "😀", "</script>", "a&b'c", "\ufffd"];

        Assert.Equal(WithWriter(w => Array.ForEach(tokens, w.WriteStringValue)), Written(b => JsonArrays.WriteTokens(b, tokens)));
    }

    [Fact]
    public void Values_are_shortest_round_trip_with_null_for_non_finite_and_match_the_json_writer()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 20000).Select(i => i % 3 == 0 ? (float)Math.Round(random.NextDouble() * 4 - 2, 4) : (float)(random.NextDouble() * 10 - 5))
            .Concat([0f, -0f, 1E-06f, 5E-05f, 1E+16f, float.MaxValue, float.Epsilon, -1.1754944E-38f, 2.8752f, -0.0123f])
            .ToArray();
        var arrays = new JsonArrays();

        // Twice: the second pass reads the formatting cache.
        for (var pass = 0; pass < 2; pass++)
        {
            Assert.Equal(WithWriter(w => Array.ForEach(values, w.WriteNumberValue)), Written(b => arrays.WriteValues(b, values)));
        }

        Assert.Equal("[null,1E-06,null,-0,null]", Written(b => arrays.WriteValues(b, [float.NaN, 1E-06f, float.PositiveInfinity, -0f, float.NegativeInfinity])));
    }

    private static string Written(Action<ArrayBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string WithWriter(Action<Utf8JsonWriter> items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            writer.WriteStartArray();
            items(writer);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
