using System.Globalization;
using System.Text.RegularExpressions;
using NeuroNav.Fetch.Http;

namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>What reading one file of an N2G output folder came to.</summary>
internal sealed record FileAnswer(Uri Url, byte[]? Body, bool NotFound, int? HttpStatus, string? Error, DateTimeOffset At)
{
    public bool Ok => Body is not null;
}

/// <summary>An N2G output folder, local or behind a base URL; paths are '/'-separated and relative to its root.</summary>
internal abstract partial class GraphFiles : IDisposable
{
    public abstract Uri Root { get; }

    public abstract Task<FileAnswer> GetAsync(string relative, CancellationToken ct);

    /// <summary>The <c>{layer}_{neuron}</c> entries of a folder, when it can be listed (local folders); else empty.</summary>
    public virtual IEnumerable<(int Layer, int Neuron)> ListNeurons(string relativeFolder) => [];

    /// <summary>Whether a sub-folder exists, when that can be known without fetching (local folders).</summary>
    public virtual bool? HasFolder(string relative) => null;

    /// <summary>The client that fetches the files (base URLs), so a run shares its rate limit and breaker; null for a folder.</summary>
    public virtual SourceHttpClient? Http => null;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    public static GraphFiles Open(string from, FetchOptions options) =>
        from.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || from.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? new Remote(options with { BaseUrl = new Uri(from) })
            : new Local(from, options.Clock);

    [GeneratedRegex(@"^(\d+)_(\d+)$", RegexOptions.CultureInvariant)]
    protected static partial Regex NeuronName();

    private sealed class Remote(FetchOptions options) : GraphFiles
    {
        private readonly SourceHttpClient _http = new(options);

        public override Uri Root => options.Root;

        public override SourceHttpClient? Http => _http;

        public override async Task<FileAnswer> GetAsync(string relative, CancellationToken ct)
        {
            var url = new Uri(options.Root, relative);
            var result = await _http.GetAsync(url, ct).ConfigureAwait(false);
            return result.IsSuccess
                ? new FileAnswer(url, result.Body, false, result.StatusCode, null, result.FetchedAt)
                : new FileAnswer(url, null, result.IsNotFound, result.StatusCode, result.Describe(), result.FetchedAt);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _http.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class Local(string folder, TimeProvider clock) : GraphFiles
    {
        private readonly string _root = Path.GetFullPath(folder);

        public override Uri Root => new(_root.EndsWith(Path.DirectorySeparatorChar) ? _root : _root + Path.DirectorySeparatorChar);

        public override async Task<FileAnswer> GetAsync(string relative, CancellationToken ct)
        {
            var path = Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));
            var url = new Uri(path);
            if (!File.Exists(path))
            {
                return new FileAnswer(url, null, true, null, $"no file {path}", clock.GetUtcNow());
            }

            try
            {
                var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
                return new FileAnswer(url, bytes, false, null, null, clock.GetUtcNow());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new FileAnswer(url, null, false, null, $"cannot read {path}: {e.Message}", clock.GetUtcNow());
            }
        }

        public override IEnumerable<(int Layer, int Neuron)> ListNeurons(string relativeFolder)
        {
            var dir = Path.Combine(_root, relativeFolder.Replace('/', Path.DirectorySeparatorChar));
            if (!Directory.Exists(dir))
            {
                yield break;
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(dir))
            {
                var match = NeuronName().Match(Path.GetFileName(entry));
                if (match.Success
                    && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var layer)
                    && int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var neuron))
                {
                    yield return (layer, neuron);
                }
            }
        }

        public override bool? HasFolder(string relative) =>
            Directory.Exists(Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar)));
    }
}
