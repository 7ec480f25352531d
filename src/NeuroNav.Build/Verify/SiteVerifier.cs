using NeuroNav.Build.Api;
using NeuroNav.Build.Output;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Build.Verify;

/// <summary>
/// Checks a built site against its <c>manifest.json</c> and, when given, the corpus it was built from: every listed
/// file present with its size and sha256 (of the stored bytes: a precompressed file is checked as stored, then read decoded), no file the manifest does not list, every JSON document valid against its
/// schema, every link of every HTML page resolving to a file of the site, and every stored neuron of each built layer
/// with its documents and page. Reads only; reports every problem rather than stopping at the first.
/// </summary>
/// <param name="sources">The source modules the site was built with: the documents are checked against the schemas a
/// build with them publishes.</param>
public sealed class SiteVerifier(ModelCatalog catalog, IReadOnlyList<ISectionSource> sources)
{
    /// <summary>Files a site folder may hold beside what the manifest lists: the manifest and the writers' lock.</summary>
    private static readonly HashSet<string> Unlisted = new(StringComparer.Ordinal) { OutputPath.Manifest, CorpusLock.FileName, CorpusLock.HolderFileName };

    /// <exception cref="BuildException">The sources' schemas cannot be assembled (a source given twice, a section schema
    /// the neuron schema cannot include).</exception>
    public async Task<VerifyReport> VerifyAsync(string outputDirectory, ICorpusReader? corpus, CancellationToken ct)
    {
        var schemas = SiteSchemas.For(new SourceSet(sources));
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var problems = new List<VerifyProblem>();
        Dictionary<string, ManifestEntry> manifest;
        try
        {
            manifest = Manifest.Read(Path.Combine(root, OutputPath.Manifest));
        }
        catch (BuildException e)
        {
            return new VerifyReport(0, 0, 0, 0, 0, [new VerifyProblem(OutputPath.Manifest, e.Message)]);
        }

        if (manifest.Count == 0)
        {
            problems.Add(new VerifyProblem(OutputPath.Manifest, $"missing or empty in {root}"));
        }

        var onDisk = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal)
            : [];
        var stored = manifest.Select(e => StoredEncoding.DiskPath(e.Key, e.Value.Encoding)).ToHashSet(StringComparer.Ordinal);
        foreach (var path in onDisk.Where(p => !stored.Contains(p) && !Unlisted.Contains(p)).Order(StringComparer.Ordinal))
        {
            problems.Add(new VerifyProblem(path, "not listed in the manifest"));
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, entry) in manifest.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            var file = StoredEncoding.DiskPath(path, entry.Encoding);
            if (!onDisk.Contains(file))
            {
                problems.Add(new VerifyProblem(path, "listed in the manifest but missing"));
                continue;
            }

            present.Add(path);
            var bytes = await File.ReadAllBytesAsync(Path.Combine(root, file), ct).ConfigureAwait(false);
            if (bytes.LongLength != entry.Bytes || Hashing.Sha256Hex(bytes) != entry.Sha256)
            {
                problems.Add(new VerifyProblem(file, $"altered: {bytes.LongLength} bytes, sha256 {Hashing.Sha256Hex(bytes)}; the manifest says {entry.Bytes} bytes, sha256 {entry.Sha256}"));
            }
        }

        var site = new SiteFiles(root, manifest, present);
        var documents = await DocumentChecks.RunAsync(site, schemas, problems, ct).ConfigureAwait(false);
        var (pages, links) = await LinkChecks.RunAsync(site, problems, ct).ConfigureAwait(false);
        var neurons = corpus is null ? 0 : await CorpusChecks.RunAsync(corpus, catalog, site, problems, ct).ConfigureAwait(false);
        return new VerifyReport(manifest.Count, documents, pages, links, neurons, problems);
    }
}
