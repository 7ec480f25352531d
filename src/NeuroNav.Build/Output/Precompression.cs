using System.Globalization;
using System.IO.Compression;
using NeuroNav.Core;

namespace NeuroNav.Build.Output;

/// <summary>
/// Which files a precompressing build (the <c>full</c> profile) stores gzip-compressed, and how: the per-neuron files,
/// that is every source's neuron document (<c>api/m/3/7.json</c>, <c>api/m/neuroscope/3/7.json</c>, ...) and the neuron
/// page (<c>m/3/7.html</c>). They are nearly all of the bytes (the texts, twice, and the heatmaps). Indexes (site, model,
/// layer), search shards, schemas, assets and <c>404.html</c> stay as they are: they are few, and a client that does not
/// decode <c>Content-Encoding</c> (DuckDB's httpfs) reads them from the bucket as before.
/// On disk a compressed file is its path plus <c>.gz</c>; the manifest lists the path with <c>"encoding": "gzip"</c>
/// (<see cref="StoredEncoding"/>).
/// </summary>
internal static class Precompression
{
    /// <summary>
    /// zlib level 6 (<see cref="CompressionLevel.Optimal"/>). On the 20 × 1,024-token neurons of <c>neuronav bench</c>
    /// (762 KB of JSON and HTML per neuron): 228 KB in 18 ms of one core; level 1, 348 KB in 4.6 ms (over the 250 KB
    /// stored per neuron the archive aims at); level 9, 222 KB in 38 ms. Brotli q4 (237 KB, 18 ms) is no smaller, and
    /// pandas does not decode it.
    /// </summary>
    private const CompressionLevel Level = CompressionLevel.Optimal;

    /// <summary>Whether a precompressing build stores <paramref name="path"/> gzip-compressed.</summary>
    public static bool Applies(string path)
    {
        if (!path.EndsWith(".json", StringComparison.Ordinal) && !path.EndsWith(".html", StringComparison.Ordinal))
        {
            return false;
        }

        // api/<model>/<layer>/<neuron>.json, api/<model>/<source>/<layer>/<neuron>.json, <model>/<layer>/<neuron>.html
        var s = path.Split('/');
        var neuron = IsNumber(Path.GetFileNameWithoutExtension(s[^1]));
        return neuron && (s[0] == "api"
            ? (s.Length == 4 && IsNumber(s[2])) || (s.Length == 5 && IsNumber(s[3]))
            : s.Length == 3 && IsNumber(s[1]));
    }

    /// <summary>The gzip bytes of <paramref name="bytes"/> in <paramref name="buffer"/> (reset first); deterministic for one runtime.</summary>
    public static ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> bytes, MemoryStream buffer)
    {
        buffer.SetLength(0);
        using (var gzip = new GZipStream(buffer, Level, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
    }

    private static bool IsNumber(string segment) => int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
