using System.Text;
using NeuroNav.Sample.Formats;

namespace NeuroNav.Sample.Tests;

public sealed class JsonStringTests
{
    [Theory]
    [InlineData(" cat", "\" cat\"")]
    [InlineData("\"\n", "\"\\\"\\n\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("\r\t\b\f", "\"\\r\\t\\b\\f\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("\u007f", "\"\\u007f\"")]
    [InlineData("caf\u00e9", "\"caf\\u00e9\"")]
    [InlineData("\ufffd", "\"\\ufffd\"")]
    [InlineData("\U0001F600", "\"\\ud83d\\ude00\"")]
    [InlineData("</script><!--<hr>&amp;'/", "\"</script><!--<hr>&amp;'/\"")]
    [InlineData("", "\"\"")]
    public void Json_string_is_escaped_like_python_json_dumps_ensure_ascii(string token, string expected)
    {
        var buffer = new AsciiBuffer().AppendJsonString(token);
        Assert.Equal(expected, Encoding.ASCII.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Markup_with_non_ascii_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new AsciiBuffer().Append("Caf\u00e9"));
        Assert.Contains("U+00E9", e.Message, StringComparison.Ordinal);
    }
}
