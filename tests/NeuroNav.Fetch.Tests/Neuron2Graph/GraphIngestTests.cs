using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Fetch.Neuron2Graph;
using NeuroNav.Hosting;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Neuron2Graph;

public sealed class GraphIngestTests
{
    private const string Stats = """{"0": {"5": {"1": {"precision": 0.5, "recall": 0.5, "f1-score": 0.5, "support": 4}, "correlation": NaN}, "6": {}, "7": {}}, "2": {"1": {}}}""";
    private const string Store = """{"activating": {"except": ["0_5", "2_1"], "he": ["0_8"]}, "important": {"all": ["0_5", "2_1"]}}""";

    private static readonly FetchOptions Fast = new() { RequestsPerSecond = double.PositiveInfinity, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>An N2G output folder: 0_5 and 2_1 parse, 0_6 is broken, 0_7 has no graph, 0_8 is only in the store.</summary>
    private static void WriteOutput(string root, bool flat)
    {
        var prefix = flat ? root : Path.Combine(root, "layer_0");
        Directory.CreateDirectory(prefix);
        File.WriteAllText(Path.Combine(root, "neuron_store.json"), Store);
        File.WriteAllText(Path.Combine(prefix, "stats.json"), Stats);
        void Graph(string name, string dot)
        {
            var path = flat ? Path.Combine(root, name) : Path.Combine(prefix, name, "graph");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, dot);
        }

        Graph("0_5", DotFixtures.Example);
        Graph("2_1", DotFixtures.WithContextLabel("<b>"));
        Graph("0_6", "digraph {\n\t1 -> 2 [dir=back\n");
        Graph("0_8", DotFixtures.WithContextLabel("\"' '\""));
    }

    private static async Task<(GraphIngestReport Report, CorpusStore Corpus, GraphCorpus Graphs)> IngestAsync(string corpusDir, string from)
    {
        var corpus = new CorpusStore(corpusDir);
        var graphs = new GraphCorpus(corpus);
        var ingest = new GraphIngest(corpus, graphs, Fast, new SimilarityOptions(Threshold: 0.1));
        var report = await ingest.RunAsync("gpt2-small", from, GraphLayout.Auto, null, CancellationToken.None);
        return (report, corpus, graphs);
    }

    private static async Task AssertIngestedAsync(GraphIngestReport report, CorpusStore corpus, GraphCorpus graphs, string layout)
    {
        Assert.StartsWith(layout, report.Layout, StringComparison.Ordinal);
        Assert.Equal((5L, 3L, 1L, 1L), (report.Graphs.Requested, report.Graphs.Fetched, report.Graphs.Invalid, report.Graphs.MissingUpstream));
        var layer0 = await graphs.ReadGraphsAsync("gpt2-small", 0, CancellationToken.None);
        Assert.Equal([5, 8], layer0.Keys.Order());
        Assert.Equal(7, layer0[5].Nodes.Count);
        Assert.Equal(" ", layer0[8].Nodes.Single(n => n.Id == 2).Token);
        Assert.Equal("<b>", (await graphs.ReadGraphsAsync("gpt2-small", 2, CancellationToken.None))[1].Nodes.Single(n => n.Id == 2).Token);

        var coverage = (await corpus.ReadCoverageAsync("gpt2-small", 0, CancellationToken.None)).Where(r => r.Source == "neuron2graph").ToDictionary(r => r.Neuron);
        Assert.Equal(CoverageStatus.Invalid, coverage[6].Status);
        Assert.Contains("graph gpt2-small/0/6 does not parse: line 2", coverage[6].Reason, StringComparison.Ordinal);
        Assert.Equal(CoverageStatus.MissingUpstream, coverage[7].Status);
        Assert.Equal(CoverageStatus.Present, coverage[5].Status);

        var stats = await graphs.ReadStatsAsync("gpt2-small", 0, CancellationToken.None);
        Assert.Equal(0.5, stats[5].ExplanationScore);
        Assert.True(double.IsNaN(stats[5].Correlation!.Value));
        Assert.True(stats[6].Empty);
        Assert.Equal(3, (await graphs.ReadStoreAsync("gpt2-small", 0, CancellationToken.None)).Count);

        var similar = Assert.Single(await graphs.ReadSimilarAsync("gpt2-small", 0, CancellationToken.None), s => s.Neuron == 5);
        Assert.Equal((2, 1, 1.0), (similar.OtherLayer, similar.OtherNeuron, similar.Similarity));
    }

    [Fact]
    public async Task Ingest_reads_the_2023_folder_layout_from_a_local_folder()
    {
        using var temp = new TempDirectory();
        WriteOutput(temp.Combine("n2g"), flat: false);

        var (report, corpus, graphs) = await IngestAsync(temp.Combine("corpus"), temp.Combine("n2g"));

        await AssertIngestedAsync(report, corpus, graphs, "folder");
    }

    [Fact]
    public async Task Ingest_reads_the_flat_layout_from_a_base_url_and_resumes()
    {
        using var temp = new TempDirectory();
        WriteOutput(temp.Combine("n2g"), flat: true);
        await using var server = await StaticSiteServer.StartAsync(temp.Combine("n2g"), 0, CancellationToken.None);

        var (report, corpus, graphs) = await IngestAsync(temp.Combine("corpus"), server.BaseAddress.AbsoluteUri);
        await AssertIngestedAsync(report, corpus, graphs, "flat");

        var (again, _, _) = await IngestAsync(temp.Combine("corpus"), server.BaseAddress.AbsoluteUri);
        Assert.Equal((5L, 0L), (again.Graphs.Skipped, again.Graphs.Fetched));
    }

    [Fact]
    public async Task Ingest_warns_about_a_broken_store_and_still_stores_the_graphs()
    {
        using var temp = new TempDirectory();
        WriteOutput(temp.Combine("n2g"), flat: true);
        File.WriteAllText(temp.Combine("n2g", "neuron_store.json"), "{\"activating\": {\"he\": [\"x\"]}}");

        var (report, _, graphs) = await IngestAsync(temp.Combine("corpus"), temp.Combine("n2g"));

        Assert.Contains(report.Warnings, w => w.Contains("'x' is not a neuron", StringComparison.Ordinal));
        Assert.Equal(2, (await graphs.ReadGraphsAsync("gpt2-small", 0, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Ingest_of_some_layers_and_neurons_reads_only_those_graphs_and_those_layers_tables()
    {
        using var temp = new TempDirectory();
        WriteOutput(temp.Combine("n2g"), flat: true);
        var corpus = new CorpusStore(temp.Combine("corpus"));
        var graphs = new GraphCorpus(corpus);

        var report = await new GraphIngest(corpus, graphs, Fast, new SimilarityOptions(Threshold: 0.1))
            .RunAsync("gpt2-small", temp.Combine("n2g"), GraphLayout.Auto, [new ScrapeTarget("gpt2-small", 0, 5, 7)], null, CancellationToken.None);

        Assert.Equal((2L, 1L, 1L), (report.Graphs.Requested, report.Graphs.Fetched, report.Graphs.Invalid));
        Assert.Equal([5], (await graphs.ReadGraphsAsync("gpt2-small", 0, CancellationToken.None)).Keys);
        Assert.Equal([0], graphs.Layers("gpt2-small"));
        Assert.Equal(3, report.StatsRows);
        Assert.Empty(await graphs.ReadStatsAsync("gpt2-small", 2, CancellationToken.None));
        var similar = Assert.Single(await graphs.ReadSimilarAsync("gpt2-small", 0, CancellationToken.None), s => s.Neuron == 5);
        Assert.Equal((2, 1, 1.0), (similar.OtherLayer, similar.OtherNeuron, similar.Similarity));
        Assert.Empty(await graphs.ReadSimilarAsync("gpt2-small", 2, CancellationToken.None));
    }
}
