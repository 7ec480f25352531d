using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NeuroNav.TestKit;

namespace NeuroNav.Sample.Tests;

/// <summary>Reads the committed pages back with a minimal independent reader and checks them against <see cref="SampleMirror.Neurons"/>.</summary>
public sealed partial class MirrorReadBackTests
{
    [Fact]
    public void Full_text_props_of_every_present_page_decode_to_the_expected_tokens_and_values()
    {
        var root = Repo.Path("content", "sample", "neuroscope");
        foreach (var expected in SampleMirror.Neurons(Fixture.Catalog))
        {
            var html = File.ReadAllText(Path.Combine(root, expected.Provenance.Url), Encoding.ASCII);
            var sections = html.Split("\n<hr>\n");
            Assert.Equal(string.Empty, sections[1]);
            Assert.Equal(expected.Texts.Count, sections.Length - 2);
            for (var i = 0; i < expected.Texts.Count; i++)
            {
                var section = sections[i + 2];
                var full = section[section.IndexOf("<h3>Full Text #", StringComparison.Ordinal)..];
                var props = full.Split('\n')[7];
                Assert.StartsWith("      {\"tokens\": [", props, StringComparison.Ordinal);
                using var doc = JsonDocument.Parse(BareNumbers().Replace(props, "\"$1\""));
                var tokens = doc.RootElement.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToArray();
                var values = doc.RootElement.GetProperty("values").EnumerateArray().Select(Number).ToArray();
                var text = expected.Texts[i];
                Assert.Equal(text.Tokens, tokens);
                Assert.Equal(text.Values, values);
                Assert.Contains($"<h4>Max Activating Token Index: <b>{text.MaxTokenIndex}</b></h4>", section, StringComparison.Ordinal);
                Assert.Contains($"<h4>Data Index: <b>{text.DataIndex}</b> ({text.Dataset})</h4>", section, StringComparison.Ordinal);
            }
        }
    }

    private static float Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? ExpectedNeuron.ParsePrinted(e.GetString())
        : float.Parse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<=[\[ ])(-?Infinity|NaN)(?=[,\]}])")]
    private static partial Regex BareNumbers();
}
