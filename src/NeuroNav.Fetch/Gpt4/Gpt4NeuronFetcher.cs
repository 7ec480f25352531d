using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Fetch.Http;

namespace NeuroNav.Fetch.Gpt4;

/// <summary>
/// What became of one neuron's OpenAI files: one coverage row (source <c>gpt4</c>) and the data to store, if any.
/// The row is Failed when any file could not be fetched (nothing is stored, so the next run fetches the neuron
/// again), MissingUpstream when the explanations file is absent (404), Invalid when it cannot be parsed, else Present;
/// its reason lists every file that was missing or invalid.
/// </summary>
internal sealed record Gpt4Outcome(CoverageRow Coverage, Gpt4Neuron? Neuron);

/// <summary>Fetches and parses the OpenAI files of one neuron; every answer, however bad, becomes a coverage row.</summary>
internal sealed class Gpt4NeuronFetcher(SourceHttpClient http, FetchOptions options, bool includeUndocumented)
{
    private static readonly string Source = SourceInfo.Gpt4.Id;

    public static Uri FileUrl(FetchOptions options, Gpt4Model model, Gpt4Dataset dataset, int layer, int neuron) =>
        new(options.Root, model.PathOf(dataset, layer, neuron));

    /// <summary>Throws only <see cref="OperationCanceledException"/>, when <paramref name="ct"/> is cancelled.</summary>
    public async Task<Gpt4Outcome> FetchAsync(Gpt4Model model, NeuronId id, CancellationToken ct)
    {
        var attemptedAt = options.Clock.GetUtcNow();
        var builder = new Gpt4NeuronBuilder(id);
        var notes = new List<string>();
        CoverageStatus? worst = null;
        string? worstUrl = null;
        int? worstHttp = null;
        var explanationUrl = FileUrl(options, model, Gpt4Dataset.Explanations, id.Layer, id.Neuron).AbsoluteUri;
        int? explanationHttp = null;

        foreach (var dataset in model.Datasets(includeUndocumented))
        {
            var url = FileUrl(options, model, dataset, id.Layer, id.Neuron);
            var result = await http.GetAsync(url, ct).ConfigureAwait(false);
            if (dataset == Gpt4Dataset.Explanations)
            {
                explanationHttp = result.StatusCode;
            }

            CoverageStatus status;
            if (result.IsSuccess)
            {
                var provenance = new Provenance(url.AbsoluteUri, result.FetchedAt.ToUniversalTime(), Hashing.Sha256Hex(result.Body), result.Body.LongLength);
                try
                {
                    builder.Add(dataset, result.Body, url.AbsoluteUri, provenance);
                    continue;
                }
                catch (Gpt4FormatException e)
                {
                    status = CoverageStatus.Invalid;
                    notes.Add($"{Gpt4Datasets.Name(dataset)} invalid: {e.Message}");
                }
            }
            else if (result.IsNotFound)
            {
                status = CoverageStatus.MissingUpstream;
                notes.Add($"{Gpt4Datasets.Name(dataset)} missing upstream: {result.Describe()} at {url.AbsoluteUri}");
            }
            else
            {
                status = CoverageStatus.Failed;
                notes.Add($"{Gpt4Datasets.Name(dataset)} failed: {result.Describe()} at {url.AbsoluteUri}");
            }

            // Failed outranks Invalid, which outranks a missing explanations file; other missing files are only noted.
            var counts = status != CoverageStatus.MissingUpstream || dataset == Gpt4Dataset.Explanations;
            if (counts && Rank(status) > Rank(worst))
            {
                (worst, worstUrl, worstHttp) = (status, url.AbsoluteUri, result.StatusCode);
            }
        }

        var reason = notes.Count == 0 ? null : string.Join("; ", notes);
        var final = worst ?? CoverageStatus.Present;
        var row = new CoverageRow(id.Model, id.Layer, id.Neuron, Source, final, reason, worstUrl ?? explanationUrl, worstUrl is null ? explanationHttp : worstHttp, attemptedAt);
        return new Gpt4Outcome(row, final == CoverageStatus.Failed ? null : builder.Build());
    }

    private static int Rank(CoverageStatus? status) => status switch
    {
        CoverageStatus.Failed => 3,
        CoverageStatus.Invalid => 2,
        CoverageStatus.MissingUpstream => 1,
        _ => 0,
    };
}

/// <summary>Collects one neuron's parsed files into a <see cref="Gpt4Neuron"/>.</summary>
internal sealed class Gpt4NeuronBuilder(NeuronId id)
{
    private readonly Dictionary<Gpt4Dataset, Provenance> _files = [];
    private IReadOnlyList<Gpt4Explanation> _explanations = [];
    private Gpt4Activations? _activations;
    private IReadOnlyList<Gpt4RelatedNeuron>? _relatedNeurons;
    private List<Gpt4RelatedToken>? _relatedTokens;

    /// <summary>Parses one file into the neuron; throws <see cref="Gpt4FormatException"/> naming <paramref name="source"/>.</summary>
    public void Add(Gpt4Dataset dataset, ReadOnlyMemory<byte> body, string source, Provenance provenance)
    {
        switch (dataset)
        {
            case Gpt4Dataset.Explanations:
                var results = Gpt4Parser.ParseExplanations(body, source);
                CheckId(results.NeuronId, source);
                _explanations = Gpt4Mapping.Explanations(results);
                break;
            case Gpt4Dataset.CollatedActivations:
                var record = Gpt4Parser.ParseNeuronRecord(body, source);
                CheckId(record.NeuronId, source);
                _activations = Gpt4Mapping.Activations(record);
                break;
            case Gpt4Dataset.RelatedNeurons:
                _relatedNeurons = Gpt4Mapping.RelatedNeurons(Gpt4Parser.ParseRelatedNeurons(body, source));
                break;
            case Gpt4Dataset.RelatedTokensByActivation:
                (_relatedTokens ??= []).AddRange(Gpt4Mapping.TokensByActivation(Gpt4Parser.ParseRelatedTokensByActivation(body, source)));
                break;
            case Gpt4Dataset.RelatedTokensByWeight:
                (_relatedTokens ??= []).AddRange(Gpt4Mapping.TokensByWeight(Gpt4Parser.ParseRelatedTokensByWeight(body, source)));
                break;
        }

        _files[dataset] = provenance;
    }

    /// <summary>The neuron, or null when no file was stored.</summary>
    public Gpt4Neuron? Build() => _files.Count == 0
        ? null
        : new Gpt4Neuron(id, _files, _explanations, _activations, _relatedNeurons, _relatedTokens?.OrderBy(t => t.Kind).ThenBy(t => t.Rank).ToList());

    private void CheckId(Gpt4NeuronId? found, string source)
    {
        if (found is { } f && (f.Layer != id.Layer || f.Neuron != id.Neuron))
        {
            throw new Gpt4FormatException(source, $"the file is for layer {f.Layer} neuron {f.Neuron}, not {id}");
        }
    }
}
