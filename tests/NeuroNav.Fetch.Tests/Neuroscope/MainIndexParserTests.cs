using NeuroNav.Core;
using NeuroNav.Fetch.Neuroscope;
using NeuroNav.Sample;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Neuroscope;

public sealed class MainIndexParserTests
{
    private const string Url = "https://neuroscope.io/index.html";

    private static readonly IndexRow[] LiteralRows =
    [
        new("solu-1l", "solu", "80% C4 (Web Text) and 20% Python Code", 1, 2048, 2048, 3_145_728),
        new("gpt2-small", "gelu", "Open Web Text", 12, 3072, 36_864, 84_934_656),
        new("gpt2-xl", "gelu", "Open Web Text", 48, 6400, 307_200, 1_474_560_000),
        new("pythia-70m", "gelu", "The Pile", 6, 2048, 12_288, 18_874_368),
    ];

    private static ModelCatalog Catalog => SampleMirrorServer.Catalog;

    [Fact]
    public void Parser_reads_the_literal_index_with_thousands_separators()
    {
        var html = Fixtures.ReadText(SourceFixtures.MainIndex);
        Assert.Contains("<td>1,474,560,000</td>", html, StringComparison.Ordinal);

        Assert.Equal(LiteralRows, MainIndexParser.Parse(html, Url));
    }

    [Fact]
    public void Parser_reads_the_older_index_with_bare_numbers_and_no_docs_div()
    {
        var html = Fixtures.ReadText(SourceFixtures.MainIndexBare);
        Assert.Contains("<td>1474560000</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("documentation", html, StringComparison.Ordinal);

        Assert.Equal(LiteralRows, MainIndexParser.Parse(html, Url));
    }

    [Fact]
    public void Parser_rejects_a_page_without_the_models_table_naming_the_url()
    {
        var e = Assert.Throws<FormatException>(() => MainIndexParser.Parse("\n<script>window.location.replace(\"x\");</script>", Url));
        Assert.StartsWith(Url + ": no table", e.Message, StringComparison.Ordinal);

        var other = Assert.Throws<FormatException>(() => MainIndexParser.Parse("<table><tr><th>Name</th></tr><tr><td>x</td></tr></table>", Url));
        Assert.StartsWith(Url, other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_rejects_a_non_numeric_cell_naming_model_and_column()
    {
        var html = Fixtures.ReadText(SourceFixtures.MainIndex).Replace("<td>6,400</td>", "<td>6.4k</td>", StringComparison.Ordinal);
        var e = Assert.Throws<FormatException>(() => MainIndexParser.Parse(html, Url));
        Assert.Equal($"{Url}: model 'gpt2-xl': Neurons per Layer '6.4k' is not a number", e.Message);
    }

    [Fact]
    public void Parser_reads_the_legacy_index_the_generator_writes_like_the_bare_literal()
    {
        var four = LiteralRows.Select(r => Catalog[r.Model]).ToList();
        var html = SiteIndexWriter.MainIndex(four, MainIndexVariant.Legacy);
        Assert.Contains("<td>1474560000</td>", html, StringComparison.Ordinal);

        Assert.Equal(MainIndexParser.Parse(Fixtures.ReadText(SourceFixtures.MainIndexBare), Url), MainIndexParser.Parse(html, Url));
        Assert.Equal(LiteralRows, MainIndexParser.Parse(html, Url));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Compare_agrees_with_the_catalog_on_a_full_index(bool commas)
    {
        var html = SiteIndexWriter.MainIndex(Catalog.Models, commas ? MainIndexVariant.Current : MainIndexVariant.Legacy);

        var live = MainIndexParser.Parse(html, Url);

        Assert.Equal(25, live.Count);
        Assert.Empty(MainIndexParser.Compare(Catalog, live));
    }

    [Fact]
    public void Compare_agrees_with_the_literal_rows_where_they_overlap()
    {
        var live = MainIndexParser.Parse(Fixtures.ReadText(SourceFixtures.MainIndex), Url);
        var differences = MainIndexParser.Compare(Catalog, live);

        Assert.Equal(21, differences.Count);
        Assert.All(differences, d => Assert.EndsWith(": in the catalog but missing from neuroscope.io", d, StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_finds_planted_disagreements()
    {
        var rows = MainIndexParser.Parse(SiteIndexWriter.MainIndex(Catalog.Models), Url).ToList();
        var xl = rows.FindIndex(r => r.Model == "gpt2-xl");
        rows[xl] = rows[xl] with { Layers = 47, TotalNeurons = 300_800 };
        var pythia = rows.FindIndex(r => r.Model == "pythia-70m");
        rows[pythia] = rows[pythia] with { ActivationFunction = "relu", Dataset = "The Stack" };
        rows.RemoveAll(r => r.Model == "solu-3l");
        rows.Add(new IndexRow("pythia-1b", "gelu", "The Pile", 16, 8192, 131_072, 805_306_368));
        rows.Add(rows[0]);

        var differences = MainIndexParser.Compare(Catalog, rows);

        Assert.Equal(
            [
                "gpt2-xl: layers differs: catalog '48', neuroscope.io '47'",
                "gpt2-xl: total neurons differs: catalog '307200', neuroscope.io '300800'",
                "pythia-70m: activation function differs: catalog 'gelu', neuroscope.io 'relu'",
                "pythia-70m: dataset differs: catalog 'The Pile', neuroscope.io 'The Stack'",
                "pythia-1b: live on neuroscope.io but not in the catalog",
                "solu-1l: listed more than once on neuroscope.io",
                "solu-3l: in the catalog but missing from neuroscope.io",
            ],
            differences);
    }

    [Fact]
    public void Compare_truncates_the_catalog_activation_function_like_the_live_column()
    {
        var catalog = ModelCatalog.Parse(
            "model,initialisation,activation_function,dataset,layers,neurons_per_layer,total_neurons,parameters\n" +
            "gpt2-small,Random,gelu_new,Open Web Text,12,3072,36864,84934656\n",
            "inline.csv");
        var live = new[] { new IndexRow("gpt2-small", "gelu", "Open Web Text", 12, 3072, 36864, 84934656) };

        Assert.Empty(MainIndexParser.Compare(catalog, live));
    }
}
