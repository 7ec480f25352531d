using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Corpus.Tests;

public sealed class CoverageTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory temp = new("neuronav-corpus");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Newest_attempt_wins_by_time_then_by_part()
    {
        var store = new CorpusStore(temp.Path);
        await store.WriteBatchAsync("solu-2l", 1, [], [Row(3, CoverageStatus.Failed, T0, "timeout", null), Row(4, CoverageStatus.Invalid, T0, "no texts", 200)], CancellationToken.None);
        await store.WriteBatchAsync("solu-2l", 1, [], [Row(3, CoverageStatus.Present, T0.AddHours(1), null, 200), Row(4, CoverageStatus.MissingUpstream, T0.AddMinutes(-5), "404", 404)], CancellationToken.None);
        await store.WriteBatchAsync("solu-2l", 1, [], [Row(3, CoverageStatus.MissingUpstream, T0.AddHours(1), "gone", 410)], CancellationToken.None);

        var rows = await store.ReadCoverageAsync("solu-2l", 1, CancellationToken.None);

        Assert.Equal(2, rows.Count);
        Assert.Equal(Row(3, CoverageStatus.MissingUpstream, T0.AddHours(1), "gone", 410), rows[0]);
        Assert.Equal(Row(4, CoverageStatus.Invalid, T0, "no texts", 200), rows[1]);
    }

    [Fact]
    public async Task Sources_are_kept_apart_and_survive_compaction()
    {
        var store = new CorpusStore(temp.Path);
        var gpt4 = Row(3, CoverageStatus.Present, T0, null, 200) with { Source = "gpt4", Url = "https://example.org/3.json" };
        await store.WriteBatchAsync("solu-2l", 1, [], [Row(3, CoverageStatus.Failed, T0, "HTTP 503 after 4 tries", 503), gpt4], CancellationToken.None);
        await store.WriteBatchAsync("solu-2l", 1, [], [Row(3, CoverageStatus.Present, T0.AddDays(1), null, 200)], CancellationToken.None);

        await store.CompactAsync("solu-2l", 1, CancellationToken.None);
        var rows = await store.ReadCoverageAsync("solu-2l", 1, CancellationToken.None);

        Assert.Equal([gpt4, Row(3, CoverageStatus.Present, T0.AddDays(1), null, 200)], rows);
        Assert.Single(Directory.GetFiles(temp.Combine("coverage", "model=solu-2l", "layer=1")));
    }

    [Fact]
    public async Task Partitions_cover_every_table_sorted_by_model_then_numeric_layer()
    {
        var store = new CorpusStore(temp.Path);
        var generator = new RealisticNeurons { TextCount = 1, TokensPerText = 3 };
        await store.WriteBatchAsync("solu-2l", 10, [], [Row(1, CoverageStatus.Failed, T0, "x", null) with { Layer = 10 }], CancellationToken.None);
        await store.WriteBatchAsync("solu-2l", 2, [generator.Neuron("solu-2l", 2, 0)], [], CancellationToken.None);
        await store.WriteBatchAsync("gelu-1l", 0, [generator.Neuron("gelu-1l", 0, 0)], [], CancellationToken.None);
        Directory.CreateDirectory(temp.Combine("coverage", "model=solu-2l", "layer=3"));

        Assert.Equal([("gelu-1l", 0), ("solu-2l", 2), ("solu-2l", 10)], store.Partitions());
    }

    private static CoverageRow Row(int neuron, CoverageStatus status, DateTimeOffset at, string? reason, int? http)
        => new("solu-2l", 1, neuron, "neuroscope", status, reason, $"https://neuroscope.io/solu-2l/1/{neuron}.html", http, at);
}
