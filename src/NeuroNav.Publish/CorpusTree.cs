using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NeuroNav.Core;
using Parquet;

namespace NeuroNav.Publish;

/// <summary>One Parquet file of the published corpus, as <c>corpus/manifest.json</c> lists it.</summary>
/// <param name="Path">Relative to the manifest's folder: <c>neuroscope_texts/model=gpt2-small/layer=3/part-….parquet</c>.</param>
/// <param name="Url">Where to download it: relative to the site root (<c>corpus/…</c>), or absolute when a base URL was given.</param>
/// <param name="SchemaVersion">The table's schema version (the file's <c>neuronav.schema_version</c> metadata, else 1).</param>
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
    public const string SchemaVersionKey = "neuronav.schema_version";

    /// <param name="baseUrl">The site's public URL, to make the manifest's URLs absolute; relative when null.</param>
    public static async Task<PublishTree> ReadAsync(string corpusDirectory, string prefix, Uri? baseUrl, CancellationToken ct)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(corpusDirectory));
        if (!Directory.Exists(root))
        {
            throw new PublishException($"{root}: no corpus folder");
        }

        var files = new List<CorpusFile>();
        foreach (var file in Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!SitePath.IsValid(path))
            {
                continue; // temp files of a writer in progress start with '.'
            }

            files.Add(await DescribeAsync(file, path, baseUrl, ct).ConfigureAwait(false));
        }

        var entries = files.ToDictionary(f => f.Path, f => new FileEntry(f.Bytes, f.Sha256), StringComparer.Ordinal);
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new CorpusManifestDocument(SchemaName, 1, files), CorpusManifestJsonContext.Default.CorpusManifestDocument);
        return new PublishTree(root, prefix + Folder + "/", entries, SiteManifest.FileName, manifest, Parse, _ => true);
    }

    /// <summary>Reads a stored corpus manifest back into entries.</summary>
    public static IReadOnlyDictionary<string, FileEntry> Parse(byte[] bytes, string origin)
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

        var entries = new Dictionary<string, FileEntry>(StringComparer.Ordinal);
        foreach (var f in doc.Files)
        {
            if (!SitePath.IsValid(f.Path) || !entries.TryAdd(f.Path, new FileEntry(f.Bytes, f.Sha256)))
            {
                throw new PublishException($"{origin}: invalid or repeated path '{f.Path}'");
            }
        }

        return entries;
    }

    private static async Task<CorpusFile> DescribeAsync(string file, string path, Uri? baseUrl, CancellationToken ct)
    {
        var segments = path.Split('/');
        var model = segments.Length == 4 && segments[1].StartsWith("model=", StringComparison.Ordinal) ? segments[1]["model=".Length..] : null;
        var layerText = segments.Length == 4 && segments[2].StartsWith("layer=", StringComparison.Ordinal) ? segments[2]["layer=".Length..] : null;
        if (model is null || !int.TryParse(layerText, NumberStyles.None, CultureInfo.InvariantCulture, out var layer))
        {
            throw new PublishException($"{file}: not in the corpus layout <table>/model=<model>/layer=<layer>/<part>.parquet");
        }

        var bytes = await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false);
        long rows;
        var version = 1;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            rows = Enumerable.Range(0, reader.RowGroupCount).Sum(i => reader.RowGroups[i].RowCount);
            if (reader.CustomMetadata.TryGetValue(SchemaVersionKey, out var v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                version = parsed;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new PublishException($"{file}: not a readable Parquet file ({e.Message})", e);
        }

        var url = Folder + "/" + path;
        return new CorpusFile(path, baseUrl is null ? url : new Uri(baseUrl, url).ToString(), segments[0], model, layer, bytes.LongLength, rows, Hashing.Sha256Hex(bytes), version);
    }
}
