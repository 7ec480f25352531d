using NeuroNav.Core;
using NeuroNav.Fetch.Scraping;

namespace NeuroNav.Fetch.Tests.Scrape;

/// <summary>The one resume rule of every source: what is stored or settled is skipped, what failed or was never tried is fetched.</summary>
public sealed class ResumeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CoverageRow Row(int neuron, CoverageStatus status, int minutes = 0, string source = "gpt4") =>
        new("gpt2-small", 0, neuron, source, status, null, "https://example.org/", null, T0.AddMinutes(minutes));

    [Fact]
    public void Present_missing_and_invalid_neurons_are_settled_failed_and_untried_ones_are_fetched()
    {
        var rows = new[] { Row(0, CoverageStatus.Present), Row(1, CoverageStatus.MissingUpstream), Row(2, CoverageStatus.Invalid), Row(3, CoverageStatus.Failed) };

        var todo = Resume.Todo([0, 1, 2, 3, 4], "gpt4", rows, new HashSet<int>());

        Assert.Equal([3, 4], todo);
    }

    [Fact]
    public void The_latest_attempt_of_a_neuron_decides()
    {
        var rows = new[] { Row(0, CoverageStatus.Present, 0), Row(0, CoverageStatus.Failed, 5), Row(1, CoverageStatus.Failed, 0), Row(1, CoverageStatus.MissingUpstream, 5) };

        Assert.Equal([0], Resume.Todo([0, 1], "gpt4", rows, new HashSet<int>()));
    }

    [Fact]
    public void Stored_data_keeps_a_neuron_settled_even_when_its_latest_refresh_failed()
    {
        var rows = new[] { Row(0, CoverageStatus.Failed, source: "neuroscope") };

        Assert.Empty(Resume.Todo([0], "neuroscope", rows, new HashSet<int> { 0 }));
    }

    [Fact]
    public void Rows_of_another_source_do_not_settle_a_neuron()
    {
        var rows = new[] { Row(0, CoverageStatus.Present, source: "neuroscope") };

        Assert.Equal([0], Resume.Todo([0], "neuron2graph", rows, new HashSet<int>()));
    }
}
