using NeuroNav.Core;
using NeuroNav.Hosting;
using NeuroNav.Sample;

namespace NeuroNav.TestKit;

/// <summary>The committed sample mirror (content/sample/neuroscope) served on 127.0.0.1 for a test.</summary>
public sealed class SampleMirrorServer : IAsyncDisposable
{
    private readonly StaticSiteServer _server;

    private SampleMirrorServer(StaticSiteServer server) => _server = server;

    /// <summary>The mirror's site root on disk.</summary>
    public static string Root { get; } = Repo.Path("content", "sample", "neuroscope");

    /// <summary>The 25-model catalog (content/models.csv).</summary>
    public static ModelCatalog Catalog { get; } = ModelCatalog.Load(Repo.Path("content", "models.csv"));

    /// <summary>Where neuroscope.io's root is served: use it as the scraper's base URL.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The URL of a neuron page, e.g. http://127.0.0.1:PORT/gpt2-small/0/37.html.</summary>
    public Uri NeuronUrl(NeuronId id) => new(BaseAddress, $"{id}.html");

    /// <summary>The neurons a correct scrape of <see cref="SampleMirror.Ranges"/> stores.</summary>
    public static IReadOnlyList<NeuroscopeNeuron> ExpectedNeurons() => SampleMirror.Neurons(Catalog);

    public static async Task<SampleMirrorServer> StartAsync(CancellationToken ct = default) =>
        new(await StaticSiteServer.StartAsync(Root, 0, ct).ConfigureAwait(false));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
