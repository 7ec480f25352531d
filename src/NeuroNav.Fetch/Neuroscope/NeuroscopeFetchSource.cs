using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>Neuroscope's neuron pages (<see cref="NeuroscopeScraper"/>), from neuroscope.io or a mirror.</summary>
internal sealed class NeuroscopeFetchSource : FetchSource
{
    public override SourceInfo Info => SourceInfo.Neuroscope;

    public override Uri DefaultBaseUrl { get; } = new("https://neuroscope.io/");

    public override string Unit => "pages";

    protected override void Check(FetchJob job) => TargetsRequired(job, Id);

    protected override async Task<FetchReport> FetchAsync(CorpusStore corpus, FetchJob job, IProgress<ScrapeProgress>? progress, CancellationToken ct) =>
        new(Id, await new NeuroscopeScraper(corpus, job.Options).RunAsync(job.Targets, progress, ct).ConfigureAwait(false));

    internal static void TargetsRequired(FetchJob job, string source)
    {
        if (job.Targets.Count == 0)
        {
            throw new ArgumentException($"{source}: give at least one --model");
        }
    }
}
