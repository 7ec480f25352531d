using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Html;
using NeuroNav.Build.Indexes;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Stats;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Indexes;

/// <summary>
/// The site-wide and model indexes of a partitioned rebuild come from the published layer indexes, not the corpus: they
/// must be the files <c>build --indexes-only</c> writes from the corpus, byte for byte (JSON and HTML).
/// </summary>
public sealed class PublishedIndexesTests : IDisposable
{
    private static readonly Lazy<ListingsRenderer> Renderer = new(() => new(ScribanPageRenderer.Load(Repo.Path("templates"), Repo.Path("content"), "0.1.0")));
    private static readonly string[] Words = ["python code", "closing brackets", "the word cat", "dates in March", "legal terms", "Python keywords"];
    private readonly TinySite _site = new();
    private readonly TempDirectory _temp = new("neuronav-indexes");

    public PublishedIndexesTests()
    {
        // Two layers of a catalog model with varied statistics (many near-equal kurtoses, so ties after rounding), texts
        // of 1 to 4 examples, a failed neuron and GPT-4 explanations with and without a score.
        var random = new Random(7);
        var explained = new Dictionary<NeuronId, (double?, string)>();
        foreach (var layer in new[] { 0, 3 })
        {
            for (var n = 0; n < 150; n++)
            {
                var id = new NeuronId("gpt2-small", layer, n * 7);
                _site.Corpus.Add(TinySite.Neuron(id.Model, layer, id.Neuron, (float)((random.NextDouble() * 40) - 2), texts: 1 + (n % 4)));
                if (n % 3 == 0)
                {
                    explained[id] = (n % 9 == 0 ? null : random.NextDouble(), Words[n % Words.Length] + " " + n);
                }
            }
        }

        _site.Corpus.Cover(new NeuronId("gpt2-small", 3, 1), CoverageStatus.Failed);
        _site.Use(new FakeSectionSource(Gpt4Module.WithoutData, explained));
    }

    [Fact]
    public async Task Indexes_from_the_published_layer_indexes_are_the_indexes_built_from_the_corpus()
    {
        var published = _temp.Combine("published");
        var fromCorpus = _temp.Combine("from-corpus");
        var fromLayers = _temp.Combine("from-layers");
        await Builder().BuildAsync(new BuildOptions(published, []), null, CancellationToken.None);
        await Builder().BuildAsync(new BuildOptions(fromCorpus, [], int.MaxValue, int.MaxValue), null, CancellationToken.None);
        var layersRead = new List<long>();
        await Builder().BuildIndexesAsync(new FolderLayerIndexes(published), fromLayers, new SyncProgress(layersRead), CancellationToken.None);

        var expected = Contents(fromCorpus);
        Assert.Contains("api/gpt2-small/index.json", expected.Keys);
        Assert.Contains("gpt2-small/index.html", expected.Keys);
        Assert.Contains("api/gpt2-small/search/explanations/py.json", expected.Keys);
        Assert.Equal(expected.Keys, Contents(fromLayers).Keys);
        Assert.All(expected, f => Assert.True(f.Value == Contents(fromLayers)[f.Key], $"{f.Key} differs"));
        Assert.Equal([1, 2, 3, 4, 5], layersRead);

        // The whole build writes the same indexes too.
        foreach (var path in new[] { "api/index.json", "api/gpt2-small/index.json", "gpt2-small/index.html", "api/tiny-a/index.json" })
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(published, path)), expected[path]);
        }
    }

    [Fact]
    public async Task A_layers_only_build_writes_only_its_layers_files_and_reads_no_other_layer()
    {
        var output = _temp.Combine("layer");
        await Builder().BuildAsync(new BuildOptions(output, ["gpt2-small"], 3, 3) { LayersOnly = true }, null, CancellationToken.None);

        var files = Contents(output).Keys.Where(f => f != "manifest.json").ToList();
        Assert.Equal(150 * 3 + 2 + 50, files.Count); // per neuron: document, Neuroscope document, page; the layer index and page; 50 GPT-4 documents
        Assert.All(files, f => Assert.True(f.StartsWith("api/gpt2-small/3/", StringComparison.Ordinal) || f.StartsWith("gpt2-small/3/", StringComparison.Ordinal)
            || f.StartsWith("api/gpt2-small/neuroscope/3/", StringComparison.Ordinal) || f.StartsWith("api/gpt2-small/gpt4/3/", StringComparison.Ordinal), f));
        Assert.Equal([("gpt2-small", 3)], _site.Corpus.LayersRead);
    }

    [Fact]
    public async Task A_published_layer_index_of_another_layer_is_refused_naming_the_file()
    {
        var published = _temp.Combine("published");
        await Builder().BuildAsync(new BuildOptions(published, ["gpt2-small"]), null, CancellationToken.None);
        var wrong = Path.Combine(published, "api", "gpt2-small", "0", "index.json");
        File.Copy(Path.Combine(published, "api", "gpt2-small", "3", "index.json"), wrong, overwrite: true);

        var e = await Assert.ThrowsAsync<BuildException>(() => Builder().BuildIndexesAsync(new FolderLayerIndexes(published), _temp.Combine("out"), null, CancellationToken.None));

        Assert.Contains(wrong, e.Message, StringComparison.Ordinal);
        Assert.Contains("gpt2-small layer 3, not of gpt2-small layer 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layers_digest_read_back_from_its_index_is_the_digest_the_build_makes_of_it()
    {
        var model = TinySite.Catalog["tiny-a"];
        var sources = new NeuroNav.Build.Sources.SourceSet([]);
        string[] available = [SourceInfo.Neuroscope.AvailableLabel];
        NeuronSummary[] neurons =
        [
            // 1.23449 is 1.2345 in the index (5 significant digits), which a page shows as 1.235 (4 digits), not 1.234.
            new(0, available, 2.8752f, 3.1) { Statistics = new(1.23449, new Moments(5, 0.3, 0.123449, -1.5, 1.23449, 0.4), new TopTokens(" cat", 2d / 3, 2)) },
            new(1, [], float.NaN, double.NaN) { Statistics = ActivationStatistics.Empty },
            new(2, available, 1.5f, 1.5) { Statistics = new(0.5, new Moments(5, 0.1, 0.2, 0.3, 1.2345, 0.6), new TopTokens("\n", 1, 1)) },
            new(7, available, 9f, 9) { Statistics = new(0.5, new Moments(5, 0.1, 0.2, 0.3, 1.23451, 0.6), new TopTokens(null, null, 0)) },
        ];
        var coverage = NeuroNav.Build.Coverage.CoverageTally.ForLayer(sources.Coverage, model, 0, []);
        var index = NeuroNav.Build.Api.JsonOutput.Serialize(NeuroNav.Build.Api.IndexDocuments.Layer(model, 0, coverage, neurons), NeuroNav.Build.Api.ApiJsonContext.Default.LayerIndexDoc);

        var made = LayerDigest.Of(0, coverage, neurons);
        var read = LayerIndexReader.Read(index, "test index", model, 0, sources);

        Assert.Equal([7, 2, 0, 1], made.Ranked.Select(n => n.Neuron));
        Assert.Equal(made.Ranked.Select(Row), read.Ranked.Select(Row));
        Assert.Equal("1.235", ListingViews.Stat(read.Ranked[2].Statistics.Activations.ExcessKurtosis));
        Assert.Equal(made.Coverage.ToCounts(), read.Coverage.ToCounts());
    }

    private static string Row(NeuronSummary n)
    {
        var (s, m) = (n.Statistics, n.Statistics.Activations);
        return string.Join('|', n.Neuron, string.Join(',', n.Available), n.MaxActivation, n.MaxRange, s.TopExampleRange, m.Variance, m.Skewness, m.ExcessKurtosis,
            m.FractionPositive, s.TopTokens.Token, s.TopTokens.Share, string.Join(",", n.Columns.Where(c => c.Value != NeuroNav.Build.Sources.ColumnValue.None).Select(c => $"{c.Column.Key}={c.Value.Number}/{c.Value.Text}")));
    }

    public void Dispose()
    {
        _site.Dispose();
        _temp.Dispose();
    }

    private SiteBuilder Builder() => new(_site.Corpus, TinySite.Catalog, Renderer.Value, _site.Sources);

    private static SortedDictionary<string, string> Contents(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText),
        StringComparer.Ordinal);

    /// <summary>The real listings (index, model and layer pages); neuron pages stand in (the fake GPT-4 sections have no page view).</summary>
    private sealed class ListingsRenderer(IPageRenderer real) : IPageRenderer
    {
        public byte[] RenderNeuron(NeuronPageModel model) => System.Text.Encoding.UTF8.GetBytes($"neuron {model.Id}");

        public byte[] RenderLayer(LayerPageModel model) => real.RenderLayer(model);

        public byte[] RenderModel(ModelPageModel model) => real.RenderModel(model);

        public byte[] RenderIndex(IndexPageModel model) => real.RenderIndex(model);

        public byte[] RenderSitePage(SitePageModel page) => real.RenderSitePage(page);

        public IReadOnlyList<StaticFile> StaticFiles() => real.StaticFiles();
    }

    private sealed class SyncProgress(List<long> seen) : IProgress<long>
    {
        public void Report(long value) => seen.Add(value);
    }
}
