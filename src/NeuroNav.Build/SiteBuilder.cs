using NeuroNav.Build.Pages;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Build;

/// <summary>What to build: which models and layers (all that the corpus has when empty), and where.</summary>
public sealed record BuildOptions(string OutputDirectory, IReadOnlyList<string> Models, int? FirstLayer = null, int? LastLayer = null, int Parallelism = 2);

public sealed record BuildReport(long Neurons, long FilesWritten, long FilesUnchanged, long FilesRemoved, long BytesWritten, TimeSpan Elapsed);

/// <summary>Builds the static site (JSON API, HTML, manifest) from the corpus alone.</summary>
public sealed class SiteBuilder(ICorpusReader corpus, ModelCatalog catalog, IPageRenderer pages)
{
    public Task<BuildReport> BuildAsync(BuildOptions options, IProgress<long>? neuronsDone, CancellationToken ct)
        => throw new NotImplementedException($"{corpus} {catalog.Models.Count} {pages}");
}
