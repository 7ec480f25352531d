using System.Globalization;
using System.Text.Json;

namespace NeuroNav.Corpus;

/// <summary>Who holds a folder's lock: process id, host, command line and when it started (UTC).</summary>
public sealed record LockHolder(int Pid, string Host, string Command, DateTimeOffset StartedAt)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"process {Pid} on {Host} ('{Command}', started {StartedAt:yyyy-MM-dd HH:mm:ss} UTC)");
}

/// <summary>Another process holds the lock of the folder; the message names it.</summary>
public sealed class FolderLockedException(string message, LockHolder? holder) : IOException(message)
{
    public LockHolder? Holder { get; } = holder;
}

/// <summary>
/// One writer per folder (a corpus, or a site's output): an OS-level exclusive lock on <c>{folder}/.neuronav.lock</c>
/// (FileShare.None, an flock on Unix), so a process that dies, even by SIGKILL, releases it with its file handles.
/// The holder is described in <c>.neuronav.lock.holder</c> (the locked file cannot be read by others) for the message
/// a second writer gets. On acquiring a corpus, what a killed writer left is removed: temp files and part files that no
/// part list names (no other writer can own them); a corpus written before part lists existed is adopted first.
/// </summary>
public sealed class CorpusLock : IDisposable
{
    public const string FileName = ".neuronav.lock";
    public const string HolderFileName = ".neuronav.lock.holder";

    private readonly FileStream _handle;
    private readonly string _holderFile;

    private CorpusLock(string folder, FileStream handle, LockHolder holder)
    {
        Folder = folder;
        _handle = handle;
        _holderFile = Path.Combine(folder, HolderFileName);
        Holder = holder;
    }

    public string Folder { get; }

    public LockHolder Holder { get; }

    /// <summary>Parts of a corpus from before part lists that acquiring listed (a one-time adoption).</summary>
    public int AdoptedParts { get; private init; }

    /// <summary>Crash leftovers that acquiring removed: temp files and part files no part list names.</summary>
    public IReadOnlyList<string> RemovedFiles { get; private init; } = [];

    /// <summary>Takes the lock of <paramref name="folder"/> (created if missing) for <paramref name="command"/>.</summary>
    /// <exception cref="FolderLockedException">Another process (or another lock in this one) holds it.</exception>
    public static CorpusLock Acquire(string folder, string command) => Acquire(CorpusRoot.Open(folder), command);

    /// <summary>Takes the lock of a corpus (or a site's output folder) for <paramref name="command"/>; the sweep covers every table registered with <paramref name="corpus"/>.</summary>
    internal static CorpusLock Acquire(CorpusRoot corpus, string command)
    {
        var root = corpus.Folder;
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, FileName);
        FileStream handle;
        try
        {
            handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            var holder = ReadHolder(Path.Combine(root, HolderFileName));
            var who = holder?.ToString() ?? "another process";
            throw new FolderLockedException($"{root} is in use by {who}; wait for it to finish (the lock is {path})", holder);
        }

        var adopted = 0;
        IReadOnlyList<string> removed = [];
        var me = new LockHolder(Environment.ProcessId, Environment.MachineName, command, DateTimeOffset.UtcNow);
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(me, LockJsonContext.Default.LockHolder);
            handle.SetLength(0);
            handle.Write(bytes);
            handle.Flush();
            Core.AtomicFile.WriteAllBytes(Path.Combine(root, HolderFileName), bytes);
            RemoveStaleTempFiles(root);
            if (!PartList.IsMarked(root) && corpus.AnyPartFiles())
            {
                adopted = CorpusTidy.EnsureListedAsync(corpus, CancellationToken.None).GetAwaiter().GetResult();
            }

            removed = CorpusTidy.RemoveUnlisted(corpus);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        return new CorpusLock(root, handle, me) { AdoptedParts = adopted, RemovedFiles = removed };
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_holderFile);
            _handle.SetLength(0);
        }
        catch (IOException)
        {
        }
        finally
        {
            _handle.Dispose();
        }
    }

    private static LockHolder? ReadHolder(string file)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(file), LockJsonContext.Default.LockHolder);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A site's <c>.tmp/</c> folder (the corpus's temp files go with <see cref="CorpusTidy.RemoveUnlisted"/>).</summary>
    private static void RemoveStaleTempFiles(string root)
    {
        var tempDir = Path.Combine(root, Core.AtomicFile.TempFolder);
        if (Directory.Exists(tempDir))
        {
            Directory.Delete(tempDir, recursive: true);
        }
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(LockHolder))]
internal sealed partial class LockJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
