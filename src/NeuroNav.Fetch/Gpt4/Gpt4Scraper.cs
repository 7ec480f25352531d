using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Fetch.Http;
using NeuroNav.Fetch.Scraping;

namespace NeuroNav.Fetch.Gpt4;

/// <summary>
/// Fetches OpenAI's neuron-explainer files (explanations, collated activations, related neurons and tokens) into the
/// corpus's GPT-4 tables, with the same loop, politeness and resume rule as the Neuroscope scrape: neurons whose
/// <c>gpt4</c> coverage row is Present, MissingUpstream or Invalid are skipped unless <see cref="FetchOptions.Refresh"/>;
/// Failed ones are fetched again. <see cref="FetchOptions.BaseUrl"/> is the release's root
/// (<see cref="DefaultBaseUrl"/>). One neuron's trouble becomes a coverage row, never an exception.
/// </summary>
/// <param name="includeUndocumented">Also ask for the datasets OpenAI documents only for GPT-2 XL (related neurons and tokens of GPT-2 small).</param>
public sealed class Gpt4Scraper(Gpt4Store store, FetchOptions options, bool includeUndocumented = false, SourceHttpClient? http = null)
    : IScrapeSource<Gpt4Neuron>
{
    public static readonly Uri DefaultBaseUrl = new("https://openaipublic.blob.core.windows.net/neuron-explainer/");

    public Task<ScrapeReport> RunAsync(IReadOnlyList<ScrapeTarget> targets, IProgress<ScrapeProgress>? progress, CancellationToken ct) =>
        ScrapeLoop.RunAsync(this, targets, options, http, progress, ct);

    void IScrapeSource<Gpt4Neuron>.Validate(ScrapeTarget target)
    {
        if (Gpt4Model.Find(target.Model) is null)
        {
            throw new ArgumentException(
                $"GPT-4 scrape target {target.Model}: OpenAI published neuron explanations only for {string.Join(" and ", Gpt4Model.All.Select(m => m.Model))}",
                nameof(target));
        }

        ScrapeLoop.ValidateRange(target, "GPT-4 scrape target");
    }

    NeuronFetch<Gpt4Neuron> IScrapeSource<Gpt4Neuron>.OpenFetch(SourceHttpClient client)
    {
        var fetcher = new Gpt4NeuronFetcher(client, options, includeUndocumented);
        return async (id, ct) =>
        {
            var outcome = await fetcher.FetchAsync(Gpt4Model.Find(id.Model)!, id, ct).ConfigureAwait(false);
            return new ScrapedNeuron<Gpt4Neuron>(outcome.Coverage, outcome.Neuron);
        };
    }

    Task IScrapeSource<Gpt4Neuron>.WriteBatchAsync(string model, int layer, IReadOnlyList<Gpt4Neuron> neurons, IReadOnlyList<CoverageRow> coverage, CancellationToken ct) =>
        store.WriteBatchAsync(model, layer, neurons, coverage, ct);

    string IScrapeSource<Gpt4Neuron>.SourceId => SourceInfo.Gpt4.Id;

    Task<IReadOnlyList<CoverageRow>> IScrapeSource<Gpt4Neuron>.ReadCoverageAsync(string model, int layer, CancellationToken ct) =>
        store.ReadCoverageAsync(model, layer, ct);

    /// <summary>None apart from the coverage rows: a neuron's files and its row are committed together.</summary>
    Task<IReadOnlySet<int>> IScrapeSource<Gpt4Neuron>.HeldAsync(string model, int layer, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<int>>(new HashSet<int>());
}
