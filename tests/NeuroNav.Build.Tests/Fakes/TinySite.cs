using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Fakes;

/// <summary>
/// A tiny corpus: tiny-a layer 0 has neurons 0, 1, 2, 5, 7 of 8 (5 has only NaN activations) and coverage rows
/// missing/failed/invalid for 3, 4, 6; tiny-a layer 1 has neuron 3; tiny-b layer 0 has neurons 0 and 1;
/// gpt2-small is in the catalog but not in the corpus.
/// </summary>
internal sealed class TinySite : IDisposable
{
    public const string CatalogCsv = """
        model,initialisation,activation_function,dataset,layers,neurons_per_layer,total_neurons,parameters
        tiny-a,Random,gelu,Open Web Text,2,8,16,1024
        tiny-b,Random,solu,The Pile,1,4,4,512
        gpt2-small,Random,gelu,Open Web Text,12,3072,36864,84934656
        """;

    public static readonly ModelCatalog Catalog = ModelCatalog.Parse(CatalogCsv.Replace("        ", "", StringComparison.Ordinal), "inline catalog");

    private readonly TempDirectory _temp = new("neuronav-build");

    public TinySite()
    {
        Corpus
            .Add(Neuron("tiny-a", 0, 0, 1.5f))
            .Add(Neuron("tiny-a", 0, 1, 2.8752f))
            .Add(Neuron("tiny-a", 0, 2, 1.5f))
            .Add(Neuron("tiny-a", 0, 5, float.NaN))
            .Add(Neuron("tiny-a", 0, 7, 0.25f))
            .Cover(new NeuronId("tiny-a", 0, 3), CoverageStatus.MissingUpstream)
            .Cover(new NeuronId("tiny-a", 0, 4), CoverageStatus.Failed)
            .Cover(new NeuronId("tiny-a", 0, 6), CoverageStatus.Invalid)
            .Add(Neuron("tiny-a", 1, 3, 0.75f))
            .Add(Neuron("tiny-b", 0, 0, 3f))
            .Add(Neuron("tiny-b", 0, 1, -0.0429f));
    }

    public FakeCorpus Corpus { get; } = new();

    public FakeRenderer Renderer { get; } = new();

    /// <summary>
    /// Sources besides Neuroscope for the next build: the built-in modules without data, as the public site has them,
    /// unless a test puts in its own (<see cref="Use"/>) or sets others.
    /// </summary>
    public List<ISectionSource> Sources { get; set; } = [Gpt4Module.WithoutData, Neuron2GraphModule.WithoutData];

    /// <summary>Builds with <paramref name="source"/> in place of the module with its id (or after the others).</summary>
    public TinySite Use(ISectionSource source)
    {
        var at = Sources.FindIndex(s => s.Source.Id == source.Source.Id);
        if (at < 0)
        {
            Sources.Add(source);
        }
        else
        {
            Sources[at] = source;
        }

        return this;
    }

    public string Output => _temp.Combine("output");

    public string File(string sitePath) => Path.Combine(Output, sitePath);

    public static NeuroscopeNeuron Neuron(string model, int layer, int neuron, float maxAct, int texts = 2)
    {
        var id = new NeuronId(model, layer, neuron);
        var list = Enumerable.Range(0, texts).Select(i => new NeuroscopeText(
            i,
            i == 0 ? maxAct : maxAct / 2,
            -0.1699f,
            4521789 + i,
            i == 0 ? "Open Web Text" : "Python Code",
            2,
            ["<|endoftext|>", "The", " cat", " sat", " \"é<\""],
            [0.5f, float.NaN, i == 0 ? maxAct : maxAct / 2, -0.0123f, 1E-06f])).ToList();
        var provenance = new Provenance($"http://127.0.0.1:5081/{id}.html", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new string('a', 64), 1234);
        return new NeuroscopeNeuron(id, maxAct, -(double)maxAct, "1.38.1", list, provenance);
    }

    public Task<BuildReport> BuildAsync(IReadOnlyList<string>? models = null, int? first = null, int? last = null, int parallelism = 2, string? output = null, bool allowShrink = false) =>
        BuildAsync(new BuildOptions(output ?? Output, models ?? [], first, last, parallelism, AllowShrink: allowShrink));

    public Task<BuildReport> BuildAsync(BuildOptions options) =>
        new SiteBuilder(Corpus, Catalog, Renderer, Sources).BuildAsync(options, null, CancellationToken.None);

    /// <summary>Every file under the output folder, site-relative with forward slashes, sorted ordinally.</summary>
    public IReadOnlyList<string> Files(string? root = null)
    {
        root ??= Output;
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }

    public void Dispose() => _temp.Dispose();
}
