using System.Collections.Concurrent;
using NeuroNav.Core;

namespace NeuroNav.Build.Output;

/// <summary>
/// The one way files reach the output folder. Records path → size + sha256 for the manifest, skips files whose bytes
/// the previous manifest already lists (and whose size on disk agrees), writes the others atomically, rejects a path
/// produced twice, and at the end removes what the previous build produced within this build's scope and this one did not.
/// A precompressing writer stores the files <see cref="Precompression"/> names gzip-compressed (<c>path.gz</c> on disk,
/// the manifest's size and sha256 those of the compressed bytes). Thread-safe.
/// </summary>
internal sealed class OutputWriter : IOutputFiles
{
    private readonly string _root;
    private readonly Dictionary<string, ManifestEntry> _previous;
    private readonly RealDirectories _directories;
    private readonly bool _precompress;
    private readonly ConcurrentDictionary<string, (ManifestEntry Entry, string Producer)> _produced = new(StringComparer.Ordinal);
    private long _written;
    private long _unchanged;
    private long _bytesWritten;

    [ThreadStatic]
    private static MemoryStream? t_compressed;

    private OutputWriter(string root, Dictionary<string, ManifestEntry> previous, bool precompress)
    {
        _root = root;
        _previous = previous;
        _precompress = precompress;
        _directories = new RealDirectories(root);
        _directories.Check(Path.Combine(TempDirectory, "file"));
    }

    public long FilesWritten => Interlocked.Read(ref _written);

    public long FilesUnchanged => Interlocked.Read(ref _unchanged);

    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    public long FilesRemoved { get; private set; }

    /// <param name="precompress">Store the files of each layer gzip-compressed (<see cref="Precompression"/>).</param>
    public static OutputWriter Open(string outputDirectory, bool precompress = false)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        Directory.CreateDirectory(root);
        return new OutputWriter(root, Manifest.Read(Path.Combine(root, OutputPath.Manifest)), precompress);
    }

    /// <param name="path">Site-relative path, e.g. <c>api/gpt2-small/3/1337.json</c>.</param>
    /// <param name="producer">What produced the file, named in a collision error.</param>
    public void Write(string path, ReadOnlySpan<byte> bytes, string producer)
    {
        OutputPath.Validate(path, producer);
        var encoding = _precompress && Precompression.Applies(path) ? StoredEncoding.Gzip : null;
        var stored = encoding is null ? bytes : Precompression.Compress(bytes, t_compressed ??= new MemoryStream());
        var entry = new ManifestEntry(stored.Length, Hashing.Sha256Hex(stored), encoding);
        if (!_produced.TryAdd(path, (entry, producer)))
        {
            throw new BuildException($"output path '{path}' is produced twice: by {_produced[path].Producer} and by {producer}");
        }

        var file = OutputPath.Resolve(_root, StoredEncoding.DiskPath(path, encoding));
        _directories.Check(file);
        var hadPrevious = _previous.TryGetValue(path, out var old);
        if (hadPrevious && old == entry && SizeOnDisk(file) == entry.Bytes)
        {
            Interlocked.Increment(ref _unchanged);
            return;
        }

        AtomicFile.WriteAllBytes(file, stored, TempDirectory);
        Interlocked.Increment(ref _written);
        Interlocked.Add(ref _bytesWritten, stored.Length);
        if (hadPrevious && old.Encoding != encoding)
        {
            File.Delete(OutputPath.Resolve(_root, StoredEncoding.DiskPath(path, old.Encoding))); // the same path, stored the other way before
        }
    }

    /// <summary>
    /// Removes the files of the previous manifest that <paramref name="scope"/> covers and this build did not produce,
    /// then writes <c>manifest.json</c> (unless its bytes are unchanged) listing what this build produced plus the
    /// previous entries outside the scope. Call once, after every <see cref="Write"/>.
    /// </summary>
    public void Complete(OutputScope scope, CancellationToken ct)
    {
        var entries = new Dictionary<string, ManifestEntry>(_produced.Count + _previous.Count, StringComparer.Ordinal);
        foreach (var (path, produced) in _produced)
        {
            entries[path] = produced.Entry;
        }

        foreach (var (path, old) in _previous.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (entries.ContainsKey(path))
            {
                continue;
            }

            if (!scope.Contains(path))
            {
                entries[path] = old;
                continue;
            }

            ct.ThrowIfCancellationRequested();
            Remove(StoredEncoding.DiskPath(path, old.Encoding));
        }

        var manifest = Manifest.Serialize(entries);
        var file = Path.Combine(_root, OutputPath.Manifest);
        if (!File.Exists(file) || !File.ReadAllBytes(file).AsSpan().SequenceEqual(manifest))
        {
            AtomicFile.WriteAllBytes(file, manifest, TempDirectory);
            _written++;
            _bytesWritten += manifest.Length;
        }

        // Staged files of a build killed before this one are never renamed into place: drop them with the folder.
        if (Directory.Exists(TempDirectory))
        {
            Directory.Delete(TempDirectory, recursive: true);
        }
    }

    /// <summary>Files are staged outside the site's paths, so a killed build leaves nothing half-written among them.</summary>
    private string TempDirectory => Path.Combine(_root, AtomicFile.TempFolder);

    /// <param name="path">The file's name on disk, relative to the site.</param>
    private void Remove(string path)
    {
        var file = OutputPath.Resolve(_root, path);
        _directories.Check(file);
        File.Delete(file);
        FilesRemoved++;
        for (var dir = Path.GetDirectoryName(file); dir is not null && dir.Length > _root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.EnumerateFileSystemEntries(dir).Any())
            {
                break;
            }

            Directory.Delete(dir);
        }
    }

    private static long SizeOnDisk(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? info.Length : -1;
    }
}
