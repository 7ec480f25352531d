using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Fetch.Http;
using NeuroNav.Fetch.Scraping;

namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>
/// Neuron2Graph's graphs as a source of the scrape loop: one neuron is one graph file of an N2G output folder (local or
/// behind a base URL), parsed into a <see cref="NeuronGraph"/>; coverage rows have source <c>neuron2graph</c>.
/// </summary>
/// <param name="layout">The resolved layout (<see cref="GraphLayout.Folder"/> or <see cref="GraphLayout.Flat"/>).</param>
/// <param name="graphRoot">Where the folder layout's <c>{L}_{N}/graph</c> folders are: <c>layer_0/</c> or the root.</param>
internal sealed class GraphSource(ICorpusWriter corpus, GraphCorpus graphs, GraphFiles files, GraphLayout layout, string graphRoot, TimeProvider clock)
    : IScrapeSource<NeuronGraph>
{
    private static readonly string Source = SourceInfo.Neuron2Graph.Id;

    public string SourceId => Source;

    public void Validate(ScrapeTarget target)
    {
        if (!ModelId.IsValid(target.Model))
        {
            throw new ArgumentException($"neuron2graph: '{target.Model}' is not a valid model id", nameof(target));
        }

        ScrapeLoop.ValidateRange(target, "neuron2graph target");
    }

    public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct) =>
        corpus.ReadCoverageAsync(model, layer, ct);

    /// <summary>None apart from the coverage rows: a batch's graphs are committed before its rows.</summary>
    public Task<IReadOnlySet<int>> HeldAsync(string model, int layer, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<int>>(new HashSet<int>());

    /// <summary>Graphs are read through <see cref="GraphFiles"/>, whose client (for a base URL) the loop was given.</summary>
    public NeuronFetch<NeuronGraph> OpenFetch(SourceHttpClient http) => async (id, ct) =>
    {
        var (row, graph) = await FetchAsync(id, ct).ConfigureAwait(false);
        return new ScrapedNeuron<NeuronGraph>(row, graph);
    };

    /// <summary>Graphs first, then their coverage rows; a crash between the two leaves graphs the next run fetches again (newest wins).</summary>
    public async Task WriteBatchAsync(string model, int layer, IReadOnlyList<NeuronGraph> neurons, IReadOnlyList<CoverageRow> coverage, CancellationToken ct)
    {
        await graphs.WriteGraphsAsync(model, layer, neurons, ct).ConfigureAwait(false);
        await corpus.WriteBatchAsync(model, layer, [], coverage, ct).ConfigureAwait(false);
    }

    private async Task<(CoverageRow Row, NeuronGraph? Graph)> FetchAsync(NeuronId id, CancellationToken ct)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{id.Layer}_{id.Neuron}");
        var relative = layout == GraphLayout.Folder ? $"{graphRoot}{name}/graph" : name;
        var attempted = clock.GetUtcNow();
        var answer = await files.GetAsync(relative, ct).ConfigureAwait(false);
        CoverageRow Row(CoverageStatus status, string? reason) =>
            new(id.Model, id.Layer, id.Neuron, Source, status, reason, answer.Url.AbsoluteUri, answer.HttpStatus, attempted);

        if (!answer.Ok)
        {
            return answer.NotFound
                ? (Row(CoverageStatus.MissingUpstream, "no graph: " + answer.Error), null)
                : (Row(CoverageStatus.Failed, answer.Error), null);
        }

        var provenance = new Provenance(answer.Url.AbsoluteUri, answer.At.ToUniversalTime(), Hashing.Sha256Hex(answer.Body!), answer.Body!.LongLength);
        try
        {
            var graph = DotGraphParser.Parse(answer.Body, id, provenance);
            return (Row(CoverageStatus.Present, null), graph);
        }
        catch (GraphFormatException e)
        {
            return (Row(CoverageStatus.Invalid, $"graph {id} does not parse: {e.Reason}"), null);
        }
    }
}
