using NeuroNav.Build;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Html;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Publish.Tests.Fixtures;

/// <summary>
/// A small real build: two models of a tiny catalog, a few neurons each, rendered by the real templates into a
/// temp output folder that successive builds update in place (as a scheduled rebuild does).
/// </summary>
internal sealed class TinyBuild : IDisposable
{
    public static readonly ModelCatalog Catalog = ModelCatalog.Parse(
        "model,initialisation,activation_function,dataset,layers,neurons_per_layer,total_neurons,parameters\n" +
        "tiny-a,Random,gelu,Open Web Text,2,8,16,1024\n" +
        "tiny-b,Random,solu,The Pile,1,4,4,512\n",
        "inline catalog");

    private static readonly Lazy<ScribanPageRenderer> Renderer =
        new(() => ScribanPageRenderer.Load(Repo.Path("templates"), Repo.Path("content"), "0.0.0-test"));

    private readonly TempDirectory _dir = new("neuronav-publish");

    public TinyBuild()
    {
        foreach (var n in new[] { 0, 1, 2, 5 })
        {
            Corpus.Add(Neuron("tiny-a", 0, n, 1.5f + n));
        }

        Corpus.Add(Neuron("tiny-a", 1, 3, 0.75f)).Add(Neuron("tiny-b", 0, 0, 3f)).Add(Neuron("tiny-b", 0, 1, 2f));
    }

    public MemoryCorpus Corpus { get; } = new();

    public string Output => _dir.Combine("output");

    public string Combine(params string[] parts) => _dir.Combine(parts);

    public static NeuroscopeNeuron Neuron(string model, int layer, int neuron, float maxAct)
    {
        var id = new NeuronId(model, layer, neuron);
        var texts = Enumerable.Range(0, 2).Select(i => new NeuroscopeText(
            i, maxAct / (i + 1), -0.17f, 4521789 + i, "Open Web Text", 2,
            ["<|endoftext|>", "The", " cat", " sat", " on"], [0.5f, 0.1f, maxAct / (i + 1), -0.0123f, 0.2f])).ToList();
        var provenance = new Provenance($"http://127.0.0.1:5081/{id}.html", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new string('a', 64), 1234);
        return new NeuroscopeNeuron(id, maxAct, -(double)maxAct, "1.38.1", texts, provenance);
    }

    /// <summary>Builds the site; the tests shrink it on purpose (to publish deletions), so the shrink guard is told so.</summary>
    /// <param name="precompress">Write what the <c>full</c> profile writes: the per-neuron files gzip-compressed.</param>
    public Task<BuildReport> BuildAsync(string? output = null, IReadOnlyList<string>? models = null, int? first = null, int? last = null, bool precompress = false) =>
        new SiteBuilder(Corpus, Catalog, Renderer.Value, [Gpt4SectionSource.WithoutData, GraphSectionSource.WithoutData]).BuildAsync(new BuildOptions(output ?? Output, models ?? [], first, last, AllowShrink: true, Precompress: precompress), null, CancellationToken.None);

    /// <summary>A Parquet corpus on disk with neuron 1 of each layer given (and its "present" coverage row).</summary>
    public async Task<Corpus.CorpusStore> WriteCorpusAsync(params (string Model, int Layer)[] layers)
    {
        var corpus = new Corpus.CorpusStore(Combine("corpus-" + Guid.NewGuid().ToString("N")));
        foreach (var (model, layer) in layers)
        {
            var neuron = Neuron(model, layer, 1, 2f);
            CoverageRow[] coverage = [new(model, layer, 1, "neuroscope", CoverageStatus.Present, null, neuron.Provenance.Url, 200, neuron.Provenance.FetchedAt)];
            await corpus.WriteBatchAsync(model, layer, [neuron], coverage, CancellationToken.None);
        }

        return corpus;
    }

    /// <summary>Builds only the files of one layer into <paramref name="output"/>, as a partition job does.</summary>
    public Task<BuildReport> BuildLayerAsync(string output, string model, int layer, CancellationToken ct) =>
        new SiteBuilder(Corpus, Catalog, Renderer.Value, [Gpt4SectionSource.WithoutData, GraphSectionSource.WithoutData]).BuildAsync(new BuildOptions(output, [model], layer, layer, AllowShrink: true) { LayersOnly = true }, null, ct);

    /// <summary>Builds the site-wide and model indexes from the corpus (<c>build --indexes-only</c>).</summary>
    public Task<BuildReport> BuildIndexesFromCorpusAsync(string output) => BuildAsync(output, [], int.MaxValue, int.MaxValue);

    /// <summary>Builds the site-wide and model indexes from published layer indexes (<c>neuronav indexes</c>).</summary>
    public Task<BuildReport> BuildIndexesAsync(Build.Indexes.IPublishedLayerIndexes published, string output) =>
        new SiteBuilder(Corpus, Catalog, Renderer.Value, [Gpt4SectionSource.WithoutData, GraphSectionSource.WithoutData]).BuildIndexesAsync(published, output, null, CancellationToken.None);

    /// <summary>The three files of one neuron: its document, its Neuroscope document and its page.</summary>
    public static string[] NeuronFiles(string model, int layer, int neuron) =>
        [$"api/{model}/{layer}/{neuron}.json", $"api/{model}/neuroscope/{layer}/{neuron}.json", $"{model}/{layer}/{neuron}.html"];

    public void Dispose() => _dir.Dispose();
}
