using NeuroNav.Build;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Html;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch;
using NeuroNav.Sample;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests;

/// <summary>
/// The README's main job, in process: serve the sample mirror on 127.0.0.1, scrape every neuron path it covers
/// over HTTP into a fresh corpus, and build the site from that corpus. Shared by the tests of this class.
/// </summary>
public sealed class SampleSite : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-e2e");

    public static ModelCatalog Catalog => SampleMirrorServer.Catalog;

    public string CorpusRoot => _dir.Combine("corpus");

    public string Output => _dir.Combine("output");

    public CorpusStore Corpus => new(CorpusRoot);

    public ScrapeReport Scrape { get; private set; } = null!;

    public BuildReport Build { get; private set; } = null!;

    public static IReadOnlyList<ScrapeTarget> Targets =>
        [.. SampleMirror.Ranges.Select(r => new ScrapeTarget(r.Model, r.Layer, r.FirstNeuron, r.EndNeuron))];

    public static FetchOptions FetchOptions(Uri baseUrl) => new()
    {
        BaseUrl = baseUrl,
        RequestsPerSecond = 500,
        MaxRetries = 1,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        Timeout = TimeSpan.FromSeconds(10),
        BatchSize = 8,
    };

    public static Task<BuildReport> BuildAsync(ICorpusReader corpus, string output) =>
        new SiteBuilder(corpus, Catalog, Renderer, NeuroNav.Modules.SourceModules.SectionsFor(corpus)).BuildAsync(new BuildOptions(output, []), null, CancellationToken.None);

    /// <summary>The real templates and content, loaded once.</summary>
    public static ScribanPageRenderer Renderer => LazyRenderer.Value;

    private static readonly Lazy<ScribanPageRenderer> LazyRenderer =
        new(() => ScribanPageRenderer.Load(Repo.Path("templates"), Repo.Path("content"), "0.0.0-test"));

    public async Task InitializeAsync()
    {
        await using var mirror = await SampleMirrorServer.StartAsync();
        Scrape = await new NeuroscopeScraper(Corpus, FetchOptions(mirror.BaseAddress)).RunAsync(Targets, null, CancellationToken.None);
        Build = await BuildAsync(Corpus, Output);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _dir.Dispose();
}
