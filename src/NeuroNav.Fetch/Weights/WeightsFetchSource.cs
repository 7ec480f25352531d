using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Weights;

namespace NeuroNav.Fetch.Weights;

/// <summary>
/// <c>neuronav fetch weights --model M</c>: one model's checkpoint (the files <c>content/weights.csv</c> names), downloaded
/// from the model hub into the checkpoint cache or read from a local folder (<c>--from</c>), computed with the weights
/// engine and stored in the corpus (<see cref="WeightsFetch"/>).
/// </summary>
internal sealed class WeightsFetchSource : FetchSource
{
    public override SourceInfo Info => SourceInfo.Weights;

    public override Uri DefaultBaseUrl => HubOptions.DefaultBaseUrl;

    public override bool ReadsFolder => true;

    public override string Unit => "neurons";

    public override IReadOnlyList<string> OwnOptions => ["--checkpoints", "--from-corpus"];

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
