using NeuroNav.TestKit;

namespace NeuroNav.Sample.Tests;

public sealed class SiteIndexWriterTests
{
    [Fact]
    public void Main_index_reproduces_the_literal_table_with_commas()
    {
        var models = new[] { "solu-1l", "gpt2-small", "gpt2-xl", "pythia-70m" }.Select(m => Fixture.Catalog[m]);
        Assert.Equal(SourceFixtures.ReadText(SourceFixtures.MainIndex), SiteIndexWriter.MainIndex(models));
    }

    [Fact]
    public void Legacy_main_index_has_bare_numbers_and_no_documentation_div()
    {
        var html = SiteIndexWriter.MainIndex([Fixture.Catalog["gpt2-xl"]], MainIndexVariant.Legacy);
        Assert.StartsWith("<h1>Neuroscope: ", html, StringComparison.Ordinal);
        Assert.EndsWith("</table>", html, StringComparison.Ordinal);
        Assert.Contains("      <td>48</td>\n      <td>6400</td>\n      <td>307200</td>\n      <td>1474560000</td>\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("the documentation", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_index_reproduces_the_literal_page()
    {
        Assert.Equal(SourceFixtures.ReadText(SourceFixtures.ModelIndex), SiteIndexWriter.ModelIndex(Fixture.Catalog["solu-2l"]));
    }

    [Fact]
    public void Pythia_model_index_says_none()
    {
        Assert.Contains("<h1>Model Index Page: None</h1>\n<h1>Dataset: The Pile</h1>", SiteIndexWriter.ModelIndex(Fixture.Catalog["pythia-70m"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Redirects_match_the_generator_templates()
    {
        Assert.Equal(
            "\n<!DOCTYPE html>\n<html>\n<head>\n    <script>\n        window.location.replace(\"index.html\");\n    </script>\n</head>\n</html>\n",
            SiteIndexWriter.RedirectToIndex());
        Assert.Equal(
            "\n<!DOCTYPE html>\n<html>\n<head>\n    <script>\n        window.location.replace(\"../index.html\");\n    </script>\n</head>\n</html>\n",
            SiteIndexWriter.RedirectToIndexOneUp());
        Assert.Equal(
            "\n<!DOCTYPE html>\n<html>\n\n<head>\n    <script>\n        window.location.replace(Math.floor(Math.random() * 3072) + \".html\");\n    </script>\n</head>\n\n</html>\n    ",
            SiteIndexWriter.RandomRedirect(3072));
    }
}
