using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NeuroNav.TestKit;

/// <summary>
/// A loopback model hub (Kestrel on 127.0.0.1, free port) that answers as the Hugging Face hub does for what NeuroNav
/// asks: <c>GET /api/models/{repo}/revision/{rev}?blobs=true</c> (the commit and each file's size, blob id and LFS
/// object), <c>GET /{repo}/resolve/{rev}/{file}</c> (a file kept in git is served there with its blob id as ETag; an LFS
/// file is redirected to the "CDN", the same server reached as <c>localhost</c> so that it is another host), Range
/// requests, 307 redirects from a renamed repository, and the hub's refusals with <c>X-Error-Code</c>. Faults are
/// scripted per file (<see cref="Fault"/>); every request is logged with the file bytes it was sent.
/// </summary>
public sealed partial class HubMirror : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Repo> _repos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _renamed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Repo, string File), Script> _faults = new();
    private readonly ConcurrentQueue<HubMirrorRequest> _log = new();
    private LoopbackApp _app = null!;

    private HubMirror() { }

    /// <summary>The hub's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where LFS files are redirected: the same server as <c>http://localhost:{port}/</c>.</summary>
    public Uri CdnAddress { get; private set; } = null!;

    /// <summary>Whether a rename's API redirect keeps the query (<c>?blobs=true</c>); the real hub's answer is not settled.</summary>
    public bool RenameKeepsQuery { get; set; } = true;

    /// <summary>Every request answered so far, in order.</summary>
    public IReadOnlyList<HubMirrorRequest> Requests => [.. _log];

    public static async Task<HubMirror> StartAsync(CancellationToken ct = default)
    {
        var mirror = new HubMirror();
        mirror._app = await LoopbackApp.StartAsync(mirror.HandleAsync, ct).ConfigureAwait(false);
        mirror.BaseAddress = mirror._app.BaseAddress;
        mirror.CdnAddress = new Uri($"http://localhost:{mirror._app.Port}/");
        return mirror;
    }

    /// <summary>
    /// Serves <paramref name="files"/> as repository <paramref name="name"/> whose <c>main</c> is commit
    /// <paramref name="commit"/> (by default a hash of the name). Files ending in .safetensors, .pth, .pt or .bin are LFS
    /// objects, as the hub's default <c>.gitattributes</c> makes them; the others are kept in git.
    /// </summary>
    public string AddRepository(string name, IReadOnlyDictionary<string, byte[]> files, string? commit = null)
    {
        commit ??= Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("commit of " + name)))[..40];
        var entries = files.ToDictionary(
            f => f.Key,
            f => new RepoFile(f.Value, Path.GetExtension(f.Key) is ".safetensors" or ".pth" or ".pt" or ".bin"),
            StringComparer.Ordinal);
        _repos[name] = new Repo(name, commit, entries);
        return commit;
    }

    /// <summary>The commit <c>main</c> of <paramref name="repo"/> points at.</summary>
    public string CommitOf(string repo) => _repos[repo].Commit;

    /// <summary>The hub redirects <paramref name="from"/> (API and files) to <paramref name="to"/>, as after a rename.</summary>
    public void Rename(string from, string to) => _renamed[from] = to;

    /// <summary>Every file of <paramref name="repo"/> answers 403 GatedRepo (its API answer stays public, as on the hub).</summary>
    public void Gate(string repo) => _repos[repo].Gated = true;

    /// <summary>
    /// Scripts the requests for <paramref name="file"/> of <paramref name="repo"/>: the n-th request of its bytes gets the
    /// n-th fault, and the last one repeats (end with <see cref="HubFault.None"/> for a fault that clears).
    /// </summary>
    public void Fault(string repo, string file, params HubFault[] sequence)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sequence.Length);
        _faults[(repo, file)] = new Script(sequence);
    }

    /// <summary>The SHA-256 the mirror publishes for a file (lower-case hex).</summary>
    public string Sha256Of(string repo, string file) => Convert.ToHexStringLower(SHA256.HashData(_repos[repo].Files[file].Content));

    /// <summary>File bytes sent for <paramref name="file"/> of <paramref name="repo"/>, over all requests.</summary>
    public long BytesSent(string repo, string file) => FileRequests(repo, file).Sum(r => r.BodyBytes);

    /// <summary>The requests that answered with (some of) the bytes of a file or a refusal for it; redirects excluded.</summary>
    public IReadOnlyList<HubMirrorRequest> FileRequests(string repo, string file) =>
        [.. _log.Where(r => r.Repository == repo && r.File == file && r.Status is not (>= 300 and <= 399))];

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>A git blob id: SHA-1 of <c>"blob {size}\0"</c> + content (git's name for it, not a safeguard).</summary>
#pragma warning disable CA5350
    private static string Git(byte[] content) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob {content.Length}\0")), .. content]));
#pragma warning restore CA5350

    private HubFault NextFault(string repo, string file) =>
        _faults.TryGetValue((repo, file), out var script) ? script.Next() : HubFault.None;

    private sealed record RepoFile(byte[] Content, bool Lfs);

    private sealed record Repo(string Name, string Commit, IReadOnlyDictionary<string, RepoFile> Files)
    {
        public bool Gated { get; set; }
    }

    private sealed class Script(HubFault[] sequence)
    {
        private int _next = -1;

        public HubFault Next() => sequence[Math.Min(Interlocked.Increment(ref _next), sequence.Length - 1)];
    }
}
