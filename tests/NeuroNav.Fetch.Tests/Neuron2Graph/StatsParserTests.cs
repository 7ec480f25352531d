using System.Text;
using NeuroNav.Fetch.Neuron2Graph;

namespace NeuroNav.Fetch.Tests.Neuron2Graph;

public sealed class StatsParserTests
{
    private const string Report = """
        {
          "0": {"precision": 0.9969879518072289, "recall": 0.9993961352657005, "f1-score": 0.9981905910735827, "support": 3312},
          "1": {"precision": 0.8333333333333334, "recall": 0.5, "f1-score": 0.625, "support": 10},
          "accuracy": 0.9963877181215773,
          "macro avg": {"precision": 0.9, "recall": 0.7, "f1-score": 0.8, "support": 3322},
          "weighted avg": {"precision": 0.99, "recall": 0.99, "f1-score": 0.99, "support": 3322},
          "correlation": 0.4112
        }
        """;

    private static IReadOnlyList<NeuroNav.Corpus.Neuron2Graph.GraphStats> Parse(string json) => StatsParser.Parse(Encoding.UTF8.GetBytes(json), "gpt2-small");

    [Fact]
    public void Parser_reads_string_keys_and_all_report_fields()
    {
        var stats = Assert.Single(Parse("{\"3\": {\"17\": " + Report + "}}"));

        Assert.Equal((3, 17), (stats.Id.Layer, stats.Id.Neuron));
        Assert.Equal(0.625, stats.Firing!.F1);
        Assert.Equal(0.625, stats.ExplanationScore);
        Assert.Equal(3312, stats.Quiet!.Support);
        Assert.Equal(0.9963877181215773, stats.Accuracy);
        Assert.Equal(0.8, stats.MacroAvg!.F1);
        Assert.Equal(0.99, stats.WeightedAvg!.Precision);
        Assert.Equal(0.4112, stats.Correlation);
        Assert.False(stats.Empty);
    }

    [Fact]
    public void Parser_treats_bare_NaN_and_minus_Infinity_as_doubles()
    {
        var stats = Parse("""{"0": {"1": {"correlation": NaN, "accuracy": -Infinity}, "2": {"correlation": Infinity}}}""");

        Assert.True(double.IsNaN(stats[0].Correlation!.Value));
        Assert.Equal(double.NegativeInfinity, stats[0].Accuracy);
        Assert.Equal(double.PositiveInfinity, stats[1].Correlation);
    }

    [Fact]
    public void Parser_keeps_NaN_inside_a_string_a_string()
    {
        var e = Assert.Throws<GraphFormatException>(() => Parse("""{"0": {"1": {"correlation": "NaNa"}}}"""));

        Assert.Contains("0/1 correlation", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_merges_duplicate_layer_keys_after_a_resume()
    {
        var stats = Parse("{\"0\": {\"1\": " + Report + ", \"2\": {}}, \"0\": {\"2\": " + Report + ", \"3\": {}}}");

        Assert.Equal([1, 2, 3], stats.Select(s => s.Id.Neuron));
        Assert.False(stats[1].Empty);
        Assert.True(stats[2].Empty);
    }

    [Fact]
    public void Parser_marks_an_empty_report_as_failed_evaluation()
    {
        var stats = Assert.Single(Parse("""{"0": {"4": {}}}"""));

        Assert.True(stats.Empty);
        Assert.Null(stats.ExplanationScore);
    }

    [Fact]
    public void Missing_class_one_gives_no_explanation_score()
    {
        var stats = Assert.Single(Parse("""{"1": {"9": {"0": {"precision": 1.0, "recall": 1.0, "f1-score": 1.0, "support": 100}, "accuracy": 1.0, "correlation": NaN}}}"""));

        Assert.Null(stats.Firing);
        Assert.Null(stats.ExplanationScore);
        Assert.Equal(100, stats.Quiet!.Support);
    }

    [Theory]
    [InlineData("""{"a": {}}""", "layer key \"a\"")]
    [InlineData("""{"0": {"-1": {}}}""", "neuron key \"-1\"")]
    [InlineData("""[1]""", "not an object")]
    [InlineData("""{"0": {"1": {"1": 3}}}""", "0/1 \"1\" is not an object")]
    [InlineData("""{"0": """, "not valid JSON")]
    public void Parser_rejects_a_broken_file_with_a_reason(string json, string reason)
    {
        var e = Assert.Throws<GraphFormatException>(() => Parse(json));

        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }
}
