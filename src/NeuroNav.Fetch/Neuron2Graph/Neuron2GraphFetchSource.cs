using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>One model's Neuron2Graph output (<see cref="GraphIngest"/>), from a local folder or an http(s) base URL.</summary>
internal sealed class Neuron2GraphFetchSource : FetchSource
{
    public override SourceInfo Info => SourceInfo.Neuron2Graph;

    public override Uri? DefaultBaseUrl => null;

    public override bool ReadsFolder => true;

    public override string Unit => "graphs";

    public override IReadOnlyList<string> OwnOptions => ["--layout", "--top-k", "--threshold"];

    protected override void Check(FetchJob job)
    {
        if (string.IsNullOrWhiteSpace(job.Model))
        {
            throw new ArgumentException($"{Id}: give --model");
        }

        if (string.IsNullOrWhiteSpace(job.From))
        {
            throw new ArgumentException($"{Id}: give --from, a folder or an http(s) URL of the model's Neuron2Graph output");
        }

        if (!IsUrl(job.From) && !Directory.Exists(job.From))
        {
            throw new ArgumentException($"--from: there is no folder {Path.GetFullPath(job.From)}; give the folder of the model's Neuron2Graph output or its http(s) URL");
        }
    }

    protected override async Task<FetchReport> FetchAsync(CorpusStore corpus, FetchJob job, IProgress<ScrapeProgress>? progress, CancellationToken ct)
    {
        var ingest = new GraphIngest(corpus, corpus.Corpus.Neuron2Graph(), job.Options, job.Similarity);
        var report = await ingest.RunAsync(job.Model!, job.From!, job.Layout, job.Targets, progress, ct).ConfigureAwait(false);
        return report.ToFetchReport();
    }

    private static bool IsUrl(string from) =>
        from.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || from.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
