using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Fetch.Http;
using NeuroNav.Fetch.Neuroscope;

namespace NeuroNav.Fetch.Scraping;

/// <summary>What became of one neuron: its coverage row, and the parsed page when it is <see cref="CoverageStatus.Present"/>.</summary>
internal sealed record NeuronOutcome(CoverageRow Coverage, NeuroscopeNeuron? Neuron);

/// <summary>Fetches and parses one Neuroscope neuron page; every answer, however bad, becomes a coverage row.</summary>
internal sealed class NeuronFetcher(SourceHttpClient http, FetchOptions options)
{
    private static readonly string Source = SourceInfo.Neuroscope.Id;

    public static Uri PageUrl(FetchOptions options, NeuronId id) =>
        new(options.Root, string.Create(CultureInfo.InvariantCulture, $"{Uri.EscapeDataString(id.Model)}/{id.Layer}/{id.Neuron}.html"));

    /// <summary>Throws only <see cref="OperationCanceledException"/>, when <paramref name="ct"/> is cancelled.</summary>
    public async Task<NeuronOutcome> FetchAsync(NeuronId id, CancellationToken ct)
    {
        var url = PageUrl(options, id);
        var attemptedAt = options.Clock.GetUtcNow();
        var result = await http.GetAsync(url, ct).ConfigureAwait(false);

        if (result.IsSuccess)
        {
            var provenance = new Provenance(url.AbsoluteUri, result.FetchedAt.ToUniversalTime(), Hashing.Sha256Hex(result.Body), result.Body.LongLength);
            try
            {
                var neuron = NeuronPageParser.Parse(result.Body, id, provenance);
                return new NeuronOutcome(Row(CoverageStatus.Present, null), neuron);
            }
            catch (NeuronPageException e)
            {
                return new NeuronOutcome(Row(CoverageStatus.Invalid, e.Reason), null);
            }
            catch (Exception e)
            {
                return new NeuronOutcome(Row(CoverageStatus.Invalid, $"page could not be parsed: {e.GetType().Name}: {e.Message}"), null);
            }
        }

        var status = result.IsNotFound ? CoverageStatus.MissingUpstream : CoverageStatus.Failed;
        return new NeuronOutcome(Row(status, result.Describe()), null);

        CoverageRow Row(CoverageStatus status, string? reason) =>
            new(id.Model, id.Layer, id.Neuron, Source, status, reason, url.AbsoluteUri, result.StatusCode, attemptedAt);
    }
}
