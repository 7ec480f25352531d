using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Weights;

namespace NeuroNav.Fetch.Weights;

/// <summary>
/// <c>neuronav fetch weights --model M --from FOLDER</c>: one model's checkpoint, read from a local folder (the files
/// <c>content/weights.csv</c> names), computed with the weights engine and stored in the corpus (<see cref="WeightsFetch"/>).
/// </summary>
internal sealed class WeightsFetchSource : FetchSource
{
    public override SourceInfo Info => SourceInfo.Weights;

    public override Uri? DefaultBaseUrl => null;

    public override bool ReadsFolder => true;

    public override string Unit => "neurons";

    protected override void Check(FetchJob job)
    {
        if (string.IsNullOrWhiteSpace(job.Model))
        {
            throw new ArgumentException($"{Id}: give --model");
        }

        if (job.Catalog is null || job.WeightsMapping is null)
        {
            throw new ArgumentException($"{Id}: the job has no catalog or weights mapping (content/weights.csv)");
        }

        WeightsCheckpoints.Check(job);
    }

    protected override async Task<FetchReport> FetchAsync(CorpusStore corpus, FetchJob job, IProgress<ScrapeProgress>? progress, CancellationToken ct)
    {
        var fetch = new WeightsFetch(corpus.Corpus.Weights(), job.Catalog!, job.WeightsMapping!, job.Options.Refresh);
        return await fetch.RunAsync(job.Model!, job, job.Targets, progress, ct).ConfigureAwait(false);
    }
}
