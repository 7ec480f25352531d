using NeuroNav.Build;
using NeuroNav.Cli.Commands;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Gpt4;
using NeuroNav.Fetch.Neuron2Graph;
using NeuroNav.Hosting;
using NeuroNav.Sample;
using NeuroNav.Sample.Neuron2Graph;
using NeuroNav.Sample.Weights;
using NeuroNav.Weights.Model;
using Spectre.Console;

namespace NeuroNav.Cli;

/// <summary>
/// The offline sample end to end: serves the synthetic mirror of every source on 127.0.0.1, checks the catalog
/// against it, fetches each source over HTTP into the corpus, and builds the site.
/// </summary>
internal static class DemoRunner
{
    /// <summary>Every neuron path the sample covers, its hostile cases and its gap included.</summary>
    public static IReadOnlyList<ScrapeTarget> Targets =>
        [.. SampleMirror.Ranges.Select(r => new ScrapeTarget(r.Model, r.Layer, r.FirstNeuron, r.EndNeuron))];

    /// <summary>Runs the demo; returns the Neuroscope scrape's report, or null when Ctrl+C stopped it before the build.</summary>
    public static async Task<ScrapeReport?> RunAsync(IAnsiConsole console, ModelCatalog catalog, CorpusStore corpus, string output, CancellationToken ct)
    {
        var mirror = AppPaths.SampleRoot;
        await using var server = await StaticSiteServer.StartAsync(mirror, 0, ct);
        console.MarkupLineInterpolated($"Serving the synthetic sample mirror [grey]{mirror}[/] at {server.BaseAddress}");
        var neuroscope = new Uri(server.BaseAddress, "neuroscope/");
        await CatalogCheck.RunAsync(console, catalog, new FetchOptions { BaseUrl = neuroscope }, ct);

        var fetch = new FetchOptions { BaseUrl = neuroscope, Concurrency = 4, RequestsPerSecond = 200, Timeout = TimeSpan.FromSeconds(10), MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(200) };
        var job = new FetchJob(corpus.Root, fetch) { Targets = Targets, Command = "neuronav demo" };
        var scrape = (await ScrapeRunner.RunAsync(console, FetchSources.Neuroscope, job, ct)).Neurons;
        if (scrape.Cancelled)
        {
            return null;
        }

        // The other sources' sample mirrors are fetched here, each from its own folder of the mirror.
        var openAi = fetch with { BaseUrl = new Uri(server.BaseAddress, "openai/") };
        var gpt4 = job with { Options = openAi, Targets = [.. Targets.Where(t => Gpt4Model.Find(t.Model) is not null)], IncludeUndocumented = true };
        if ((await ScrapeRunner.RunAsync(console, FetchSources.Gpt4, gpt4, ct)).Neurons.Cancelled)
        {
            return null;
        }

        foreach (var (model, _, _) in GraphSample.Models)
        {
            var from = new Uri(new Uri(server.BaseAddress, "neuron2graph/"), model + "/");
            await ScrapeRunner.RunAsync(console, FetchSources.Neuron2Graph, job with { Targets = [], Model = model, From = from.AbsoluteUri }, ct);
        }

        // The weights: a synthetic checkpoint of each sample model's real shape and file layout (written once into the
        // temp folder, never into the repository), analysed like a real one, stored for the neurons Neuroscope has.
        var mapping = WeightsSources.Load(AppPaths.WeightsMapping, catalog);
        foreach (var model in SampleMirror.Models)
        {
            var folder = SyntheticCheckpoint.Ensure(Path.Combine(Path.GetTempPath(), "neuronav-demo-checkpoints"), catalog[model], mapping[model]);
            var present = Targets.Where(t => t.Model == model)
                .SelectMany(t => Enumerable.Range(t.FirstNeuron, t.EndNeuron - t.FirstNeuron).Select(n => new NeuronId(model, t.Layer, n)))
                .Where(id => SampleMirror.ExpectedStatus(id) == CoverageStatus.Present)
                .Select(id => new ScrapeTarget(model, id.Layer, id.Neuron, id.Neuron + 1)).ToList();
            var weights = job with { Targets = present, Model = model, From = folder, Catalog = catalog, WeightsMapping = AppPaths.WeightsMapping };
            if ((await ScrapeRunner.RunAsync(console, FetchSources.Weights, weights, ct)).Neurons.Cancelled)
            {
                return null;
            }
        }

        await BuildRunner.RunAsync(console, corpus, catalog, new BuildOptions(output, []), ct);
        return scrape;
    }
}
