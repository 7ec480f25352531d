using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Fetch.Neuroscope;

namespace NeuroNav.Fetch.Gpt4;

/// <summary>OpenAI's neuron-explainer files (<see cref="Gpt4Scraper"/>): GPT-4 explanations of GPT-2 small and XL.</summary>
internal sealed class Gpt4FetchSource : FetchSource
{
    public override SourceInfo Info => SourceInfo.Gpt4;

    public override Uri DefaultBaseUrl => Gpt4Scraper.DefaultBaseUrl;

    /// <summary>A static release on a commercial blob store, up to five files per neuron: 8 per second, one polite client's pace.</summary>
    public override double RateBudget => 8;

    public override string Unit => "neurons";

    public override IReadOnlyList<string> OwnOptions => ["--openai-undocumented"];

    protected override void Check(FetchJob job)
    {
        NeuroscopeFetchSource.TargetsRequired(job, Id);
        if (job.Targets.FirstOrDefault(t => Gpt4Model.Find(t.Model) is null) is { } other)
        {
            throw new ArgumentException(
                $"{Id}: OpenAI published neuron explanations only for {string.Join(" and ", Gpt4Model.All.Select(m => m.Model))}, not {other.Model}");
        }
    }

    protected override async Task<FetchReport> FetchAsync(CorpusStore corpus, FetchJob job, IProgress<ScrapeProgress>? progress, CancellationToken ct)
    {
        var scraper = new Gpt4Scraper(corpus.Corpus.Gpt4(), job.Options, job.IncludeUndocumented);
        return new(Id, await scraper.RunAsync(job.Targets, progress, ct).ConfigureAwait(false));
    }
}
