using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NeuroNav.Core;

namespace NeuroNav.Publish;

/// <summary>One Parquet file of the published corpus, as <c>corpus/manifest.json</c> lists it.</summary>
/// <param name="Path">Relative to the manifest's folder: <c>{table}/{partition}/part-….parquet</c> (<see cref="NeuroNav.Corpus.PartitionPath"/>).</param>
/// <param name="Url">Where to download it: relative to the site root (<c>corpus/…</c>), or absolute when a base URL was given.</param>
/// <param name="SchemaVersion">The table's schema version (the file's <see cref="NeuroNav.Corpus.PartMetadata.SchemaVersion"/> metadata, else 1).</param>
internal sealed record CorpusFile(string Path, string Url, string Table, string Model, int Layer, long Bytes, long Rows, string Sha256, int SchemaVersion);

internal sealed record CorpusManifestDocument(string Schema, int SchemaVersion, IReadOnlyList<CorpusFile> Files);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CorpusManifestDocument))]
internal sealed partial class CorpusManifestJsonContext : JsonSerializerContext;

/// <summary>
/// The corpus as a publish tree under <c>{prefix}corpus/</c>: every Hive-partitioned Parquet file as it is on disk, and
/// <c>corpus/manifest.json</c> (schema <c>corpus-manifest</c>) with the URL, bytes, rows, sha256 and schema version of each,
/// so DuckDB, pandas or polars users can download or query the corpus without the site.
/// </summary>
public static class CorpusTree
{
    public const string Folder = "corpus";
    public const string SchemaName = "corpus-manifest";

    /// <param name="baseUrl">The site's public URL, to make the manifest's URLs absolute; relative when null.</param>
    /// <param name="partition">Only this model's layer range, with its manifest under <c>corpus/_partitions/</c> (a rebuild matrix job).</param>
    public static async Task<PublishTree> ReadAsync(string corpusDirectory, string prefix, Uri? baseUrl, CancellationToken ct, (string Model, int First, int Last)? partition = null)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(corpusDirectory));
        if (!Directory.Exists(root))
        {
            throw new PublishException($"{root}: no corpus folder");
        }

        IReadOnlyList<NeuroNav.Corpus.CorpusPart> listed;
        try
        {
            listed = await NeuroNav.Corpus.CorpusRoot.Open(root).ListedPartsAsync(ct).ConfigureAwait(false);
        }
        catch (NeuroNav.Corpus.CorpusException e)
        {
            throw new PublishException(e.Message, e);
        }

        // The committed parts of every table of every source (the corpus's part lists), each already checked against its
        // entry (size, sha256, rows, own metadata): a crash leftover or a stray copy is never published, and no file is read twice.
        var files = listed
            .Where(p => SitePath.IsValid(p.Path) && (partition is null || InPartition(p.Model, p.Layer, partition.Value)))
            .Select(p => Describe(p, baseUrl))
            .ToList();

        var entries = files.ToDictionary(f => f.Path, f => new ManifestEntry(f.Bytes, f.Sha256), StringComparer.Ordinal);
        var manifest = Serialize(files);
        if (partition is not { } p)
        {
            return new PublishTree(root, prefix + Folder + "/", entries, SiteManifest.FileName, manifest, Parse, path => !path.StartsWith(SiteTrees.PartitionsFolder + "/", StringComparison.Ordinal));
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{SiteTrees.PartitionsFolder}/{p.Model}/{p.First}-{p.Last}.json");
        return new PublishTree(root, prefix + Folder + "/", entries, name, manifest, Parse, path => PartitionOf(path) is { } at && InPartition(at.Model, at.Layer, p));
    }

    /// <summary>
    /// The corpus manifest of a partitioned rebuild: every file the partition manifests under <c>corpus/_partitions/</c> list,
    /// stored as <c>corpus/manifest.json</c> when it differs from the stored one. Returns the number of files it lists.
    /// </summary>
    public static async Task<int> MergePartitionsAsync(IObjectStore store, string prefix, bool dryRun, CancellationToken ct)
    {
        var folder = prefix + Folder + "/" + SiteTrees.PartitionsFolder + "/";
        var files = new List<CorpusFile>();
        await foreach (var o in store.ListAsync(folder, ct).ConfigureAwait(false))
        {
            var bytes = await store.GetAsync(o.Key, ct).ConfigureAwait(false) ?? throw new PublishException($"{o.Key}: listed but gone");
            _ = Parse(bytes, o.Key);
            files.AddRange(JsonSerializer.Deserialize(bytes, CorpusManifestJsonContext.Default.CorpusManifestDocument)!.Files);
        }

        var merged = Serialize([.. files.DistinctBy(f => f.Path).OrderBy(f => f.Path, StringComparer.Ordinal)]);
        var key = prefix + Folder + "/" + SiteManifest.FileName;
        if (!dryRun && !(await store.GetAsync(key, ct).ConfigureAwait(false) ?? []).AsSpan().SequenceEqual(merged))
        {
            await store.PutBytesAsync(key, merged, ObjectHeadersTable.For(SiteManifest.FileName), ct).ConfigureAwait(false);
        }

        return files.Count;
    }

    private static byte[] Serialize(IReadOnlyList<CorpusFile> files) =>
        JsonSerializer.SerializeToUtf8Bytes(new CorpusManifestDocument(SchemaName, 1, files), CorpusManifestJsonContext.Default.CorpusManifestDocument);

    private static bool InPartition(string model, int layer, (string Model, int First, int Last) p) => model == p.Model && layer >= p.First && layer <= p.Last;

    private static (string Model, int Layer)? PartitionOf(string path)
        => NeuroNav.Corpus.PartitionPath.TryParse(path, out var part) ? (part.Model, part.Layer) : null;

    /// <summary>Reads a stored corpus manifest back into entries.</summary>
    public static IReadOnlyDictionary<string, ManifestEntry> Parse(byte[] bytes, string origin)
    {
        CorpusManifestDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(bytes, CorpusManifestJsonContext.Default.CorpusManifestDocument);
        }
        catch (JsonException e)
        {
            throw new PublishException($"{origin}: not a valid corpus manifest ({e.Message})", e);
        }

        if (doc is null || doc.Schema != SchemaName || doc.SchemaVersion != 1 || doc.Files is null)
        {
            throw new PublishException($"{origin}: not a NeuroNav corpus manifest (schema '{doc?.Schema}', version {doc?.SchemaVersion})");
        }

        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var f in doc.Files)
        {
            if (!SitePath.IsValid(f.Path) || !entries.TryAdd(f.Path, new ManifestEntry(f.Bytes, f.Sha256)))
            {
                throw new PublishException($"{origin}: invalid or repeated path '{f.Path}'");
            }
        }

        return entries;
    }

    private static CorpusFile Describe(NeuroNav.Corpus.CorpusPart part, Uri? baseUrl)
    {
        var url = Folder + "/" + part.Path;
        return new CorpusFile(part.Path, baseUrl is null ? url : new Uri(baseUrl, url).ToString(), part.Table, part.Model, part.Layer, part.Bytes, part.Rows, part.Sha256, part.SchemaVersion);
    }
}
