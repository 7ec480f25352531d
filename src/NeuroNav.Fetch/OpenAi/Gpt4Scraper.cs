using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Fetch.Http;
using NeuroNav.Fetch.Scraping;

namespace NeuroNav.Fetch.OpenAi;

/// <summary>
/// Fetches OpenAI's neuron-explainer files (explanations, collated activations, related neurons and tokens) into the
/// corpus's GPT-4 tables, with the same client, politeness and resume rules as the Neuroscope scrape: neurons whose
/// <c>gpt4</c> coverage row is Present, MissingUpstream or Invalid are skipped unless <see cref="FetchOptions.Refresh"/>;
/// Failed ones are fetched again. <see cref="FetchOptions.BaseUrl"/> is the release's root
/// (<see cref="DefaultBaseUrl"/>). One neuron's trouble becomes a coverage row, never an exception.
/// </summary>
/// <param name="includeUndocumented">Also ask for the datasets OpenAI documents only for GPT-2 XL (related neurons and tokens of GPT-2 small).</param>
public sealed class Gpt4Scraper(Gpt4Store store, FetchOptions options, bool includeUndocumented = false, SourceHttpClient? http = null)
{
    public static readonly Uri DefaultBaseUrl = new("https://openaipublic.blob.core.windows.net/neuron-explainer/");

    public async Task<ScrapeReport> RunAsync(IReadOnlyList<ScrapeTarget> targets, IProgress<ScrapeProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        var total = 0L;
        foreach (var target in targets)
        {
            Validate(target);
            total += target.EndNeuron - target.FirstNeuron;
        }

        var started = options.Clock.GetTimestamp();
        var tally = new ScrapeTally(total, progress);
        var owned = http is null ? new SourceHttpClient(options) : null;
        var fetcher = new Gpt4NeuronFetcher(http ?? owned!, options, includeUndocumented);
        var cancelled = false;
        try
        {
            foreach (var target in targets)
            {
                if (ct.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }

                try
                {
                    await ScrapeAsync(target, fetcher, tally, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }
            }
        }
        finally
        {
            owned?.Dispose();
        }

        return tally.ToReport(cancelled, options.Clock.GetElapsedTime(started));
    }

    private async Task ScrapeAsync(ScrapeTarget target, Gpt4NeuronFetcher fetcher, ScrapeTally tally, CancellationToken ct)
    {
        var model = OpenAiModel.Find(target.Model)!;
        var todo = await PlanAsync(target, ct).ConfigureAwait(false);
        tally.Skip(target.EndNeuron - target.FirstNeuron - todo.Count);
        if (todo.Count == 0)
        {
            return;
        }

        using var batch = new Gpt4BatchWriter(store, target.Model, target.Layer, options.BatchSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct };
        try
        {
            await Parallel.ForEachAsync(todo, parallel, async (neuron, token) =>
            {
                var outcome = await fetcher.FetchAsync(model, new NeuronId(target.Model, target.Layer, neuron), token).ConfigureAwait(false);
                tally.Record(outcome.Coverage);
                await batch.AddAsync(outcome).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await batch.FlushAsync().ConfigureAwait(false);
            throw;
        }

        await batch.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The neurons of <paramref name="target"/> to fetch, ascending.</summary>
    private async Task<List<int>> PlanAsync(ScrapeTarget target, CancellationToken ct)
    {
        var settled = new HashSet<int>();
        if (!options.Refresh)
        {
            foreach (var row in await store.ReadCoverageAsync(target.Model, target.Layer, ct).ConfigureAwait(false))
            {
                if (row.Source == SourceInfo.Gpt4.Id && row.Status != CoverageStatus.Failed)
                {
                    settled.Add(row.Neuron);
                }
            }
        }

        return [.. Enumerable.Range(target.FirstNeuron, target.EndNeuron - target.FirstNeuron).Where(n => !settled.Contains(n))];
    }

    private static void Validate(ScrapeTarget target)
    {
        if (OpenAiModel.Find(target.Model) is null)
        {
            throw new ArgumentException(
                $"GPT-4 scrape target {target.Model}: OpenAI published neuron explanations only for {string.Join(" and ", OpenAiModel.All.Select(m => m.Model))}",
                nameof(target));
        }

        if (target.Layer < 0 || target.FirstNeuron < 0 || target.EndNeuron < target.FirstNeuron)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"GPT-4 scrape target {target.Model}/{target.Layer}: neurons [{target.FirstNeuron}, {target.EndNeuron}) is not a valid range"),
                nameof(target));
        }
    }
}
