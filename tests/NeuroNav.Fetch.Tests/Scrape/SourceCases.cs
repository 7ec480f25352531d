using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch.Tests.Gpt4;
using NeuroNav.Fetch.Tests.Neuron2Graph;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Scrape;

/// <summary>
/// Each source served by a scripted server with two neurons of gpt2-small layer 0: <see cref="Good"/> answers at once,
/// <see cref="Flaky"/> answers 503 once and then its real file. Fetches go through <see cref="FetchSources"/>, like the CLI.
/// </summary>
internal sealed record SourceCase(string Source)
{
    public const string Model = "gpt2-small";
    public const int Layer = 0;
    public const int Good = 7;
    public const int Flaky = 8;

    /// <summary>Every source the scrape loop fetches neuron by neuron (the weights are computed from a checkpoint instead).</summary>
    public static readonly TheoryData<string> All = [.. FetchSources.All.Where(s => s != FetchSources.Weights).Select(s => s.Id)];

    public FetchSource Fetch => FetchSources.Find(Source)!;

    /// <summary>The path the source asks for to get <paramref name="neuron"/>'s data.</summary>
    public string PathOf(int neuron) => Source switch
    {
        "neuroscope" => string.Create(CultureInfo.InvariantCulture, $"/{Model}/{Layer}/{neuron}.html"),
        "gpt4" => string.Create(CultureInfo.InvariantCulture, $"/gpt2_small_data/explanations/{Layer}/{neuron}.jsonl"),
        _ => string.Create(CultureInfo.InvariantCulture, $"/{Layer}_{neuron}"),
    };

    /// <summary>Serves <see cref="Good"/>, and <see cref="Flaky"/> after one 503 (and the index files a source needs).</summary>
    public void Serve(ScriptedServer server)
    {
        server.Map(PathOf(Good), ScriptedResponse.Bytes(Body(Good)));
        server.Map(PathOf(Flaky), ScriptedResponse.Empty(503), ScriptedResponse.Bytes(Body(Flaky)));
        if (Source == "neuron2graph")
        {
            server.Map("/stats.json", ScriptedResponse.Bytes(Gpt4Files.Bytes("{\"0\": {\"7\": {}, \"8\": {}}}"), "application/json"));
        }
    }

    public FetchJob Job(ScriptedServer server, string corpus) => new(corpus, Options(server))
    {
        Targets = Source == "neuron2graph" ? [] : [new ScrapeTarget(Model, Layer, Good, Flaky + 1)],
        Model = Model,
        From = server.BaseAddress.AbsoluteUri,
        Command = "test fetch " + Source,
    };

    /// <summary>The newest coverage row per neuron of the source.</summary>
    public async Task<IReadOnlyDictionary<int, CoverageRow>> CoverageAsync(string corpus) =>
        (await new CorpusStore(corpus).ReadCoverageAsync(Model, Layer, CancellationToken.None)).Where(r => r.Source == Source).ToDictionary(r => r.Neuron);

    private static FetchOptions Options(ScriptedServer server) => new()
    {
        BaseUrl = server.BaseAddress,
        RequestsPerSecond = double.PositiveInfinity,
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    };

    private byte[] Body(int neuron) => Source switch
    {
        "neuroscope" => NeuroscopePages.Page(Layer, neuron),
        "gpt4" => Gpt4Files.Bytes(Gpt4Files.Explanations.Replace("\"neuron_index\":7", $"\"neuron_index\":{neuron}", StringComparison.Ordinal)),
        _ => Gpt4Files.Bytes(DotFixtures.Example),
    };
}
