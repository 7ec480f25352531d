using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Fetch.Gpt4;
using NeuroNav.TestKit;
using static NeuroNav.Fetch.Tests.Gpt4.Gpt4Files;

namespace NeuroNav.Fetch.Tests.Gpt4;

public sealed class Gpt4ScraperTests : IDisposable
{
    private readonly TempDirectory _temp = new("neuronav-gpt4");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Scraper_stores_the_files_and_records_a_404_explanation_as_missing_upstream()
    {
        await using var server = await ScriptedServer.StartAsync();
        Serve(server, "gpt2_small_data/explanations/0/7.jsonl", Explanations);
        Serve(server, "gpt2_small_data/collated-activations/0/7.json", NeuronRecordFile);
        var store = new Gpt4Store(_temp.Path);

        var report = await Scrape(server, store, 7, 9);

        Assert.Equal((1, 1, 0, 0), (report.Fetched, report.MissingUpstream, report.Failed, report.Invalid));
        var coverage = (await store.ReadCoverageAsync("gpt2-small", 0, CancellationToken.None)).ToDictionary(r => r.Neuron);
        Assert.Equal(CoverageStatus.Present, coverage[7].Status);
        Assert.Equal("gpt4", coverage[8].Source);
        Assert.Equal(CoverageStatus.MissingUpstream, coverage[8].Status);
        Assert.Equal(404, coverage[8].HttpStatus);
        Assert.EndsWith("/gpt2_small_data/explanations/0/8.jsonl", coverage[8].Url, StringComparison.Ordinal);
        Assert.Contains("collated_activations missing upstream", coverage[8].Reason, StringComparison.Ordinal);

        var neuron = Assert.Single(await store.ReadLayerAsync("gpt2-small", 0, null, CancellationToken.None));
        Assert.Equal(new NeuronId("gpt2-small", 0, 7), neuron.Id);
        Assert.Equal("the word \"York\" in the phrase \"New York\"", neuron.Explanations[0].Text);
        Assert.Equal(0.62, neuron.Explanations[0].EvCorrelationScore);
        Assert.Equal([0.21f, 7.8f], neuron.Explanations[0].Simulations[0].SimulatedActivations);
        Assert.Equal(24.5, neuron.Activations!.Kurtosis);
        Assert.Null(neuron.RelatedNeurons);
        Assert.Equal(server.Url("gpt2_small_data/explanations/0/7.jsonl").AbsoluteUri, neuron.Files[Gpt4Dataset.Explanations].Url);
    }

    [Fact]
    public async Task Scraper_records_a_server_error_as_failed_stores_nothing_and_fetches_it_on_the_next_run()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map("gpt2_small_data/explanations/0/7.jsonl", ScriptedResponse.Empty(503), ScriptedResponse.Bytes(Bytes(Explanations), "application/json"));
        Serve(server, "gpt2_small_data/collated-activations/0/7.json", NeuronRecordFile);
        var store = new Gpt4Store(_temp.Path);

        var first = await Scrape(server, store, 7, 8);
        Assert.Equal(1, first.Failed);
        Assert.Empty(await store.ReadLayerAsync("gpt2-small", 0, null, CancellationToken.None));

        var second = await Scrape(server, store, 7, 8);
        Assert.Equal(1, second.Fetched);
        Assert.Single(await store.ReadLayerAsync("gpt2-small", 0, null, CancellationToken.None));
    }

    [Fact]
    public async Task Scraper_skips_present_and_missing_neurons_on_the_next_run_unless_refreshing()
    {
        await using var server = await ScriptedServer.StartAsync();
        Serve(server, "gpt2_small_data/explanations/0/7.jsonl", Explanations);
        var store = new Gpt4Store(_temp.Path);
        await Scrape(server, store, 7, 9);
        var requests = server.Requests.Count;

        var again = await Scrape(server, store, 7, 9);
        Assert.Equal(2, again.Skipped);
        Assert.Equal(requests, server.Requests.Count);

        var refreshed = await Scrape(server, store, 7, 9, refresh: true);
        Assert.Equal(0, refreshed.Skipped);
        Assert.Equal(2 * requests, server.Requests.Count);
    }

    [Fact]
    public async Task Scraper_records_an_unparsable_explanation_as_invalid_and_keeps_the_other_files()
    {
        await using var server = await ScriptedServer.StartAsync();
        Serve(server, "gpt2_small_data/explanations/0/7.jsonl", Explanations[..150]);
        Serve(server, "gpt2_small_data/collated-activations/0/7.json", NeuronRecordFile);
        var store = new Gpt4Store(_temp.Path);

        var report = await Scrape(server, store, 7, 8);

        var row = Assert.Single(report.Problems);
        Assert.Equal(CoverageStatus.Invalid, row.Status);
        Assert.Contains("/gpt2_small_data/explanations/0/7.jsonl: not one JSON value", row.Reason, StringComparison.Ordinal);
        var neuron = Assert.Single(await store.ReadLayerAsync("gpt2-small", 0, null, CancellationToken.None));
        Assert.Empty(neuron.Explanations);
        Assert.NotNull(neuron.Activations);
    }

    [Fact]
    public async Task Scraper_records_a_file_for_another_neuron_as_invalid()
    {
        await using var server = await ScriptedServer.StartAsync();
        Serve(server, "gpt2_small_data/explanations/0/8.jsonl", Explanations);
        var report = await Scrape(server, new Gpt4Store(_temp.Path), 8, 9);
        Assert.Contains("the file is for layer 0 neuron 7, not gpt2-small/0/8", Assert.Single(report.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scraper_fetches_related_data_of_gpt2_xl_from_the_data_folder()
    {
        await using var server = await ScriptedServer.StartAsync();
        Serve(server, "data/explanations/0/7.jsonl", Explanations);
        Serve(server, "data/related-neurons/weight-based/0/7.json", RelatedNeuronsFile);
        Serve(server, "data/related-tokens/activation-based/0/7.json", TokensByActivation);
        Serve(server, "data/related-tokens/weight-based/0/7.json", TokensByWeight);
        var store = new Gpt4Store(_temp.Path);

        var report = await new Gpt4Scraper(store, Options(server)).RunAsync([new ScrapeTarget("gpt2-xl", 0, 7, 8)], null, CancellationToken.None);

        Assert.Equal(1, report.Fetched);
        var neuron = Assert.Single(await store.ReadLayerAsync("gpt2-xl", 0, null, CancellationToken.None));
        Assert.Equal(3, neuron.RelatedNeurons!.Count);
        Assert.All(neuron.RelatedNeurons, r => Assert.Equal(Gpt4Direction.Output, r.Direction));
        Assert.Equal(7, neuron.RelatedTokens!.Count);
        Assert.Equal(" York", neuron.RelatedTokens[0].Token);
        Assert.Null(neuron.Activations);
    }

    [Fact]
    public async Task Scraper_rejects_a_model_without_OpenAI_data()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => new Gpt4Scraper(new Gpt4Store(_temp.Path), new FetchOptions())
            .RunAsync([new ScrapeTarget("solu-1l", 0, 0, 1)], null, CancellationToken.None));
        Assert.Contains("solu-1l", e.Message, StringComparison.Ordinal);
    }

    private static void Serve(ScriptedServer server, string path, string body) =>
        server.Map(path, ScriptedResponse.Bytes(Bytes(body), "application/json"));

    private static FetchOptions Options(ScriptedServer server, bool refresh = false) => new()
    {
        BaseUrl = server.BaseAddress,
        RequestsPerSecond = double.PositiveInfinity,
        MaxRetries = 0,
        Timeout = TimeSpan.FromSeconds(10),
        BatchSize = 4,
        Refresh = refresh,
    };

    private static Task<ScrapeReport> Scrape(ScriptedServer server, Gpt4Store store, int first, int end, bool refresh = false) =>
        new Gpt4Scraper(store, Options(server, refresh)).RunAsync([new ScrapeTarget("gpt2-small", 0, first, end)], null, CancellationToken.None);
}
