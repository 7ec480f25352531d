using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace NeuroNav.Cli.Rehearsal;

/// <summary>What one stage cost this process and its folder, as <see cref="StageProbe"/> measured it.</summary>
/// <param name="PeakDiskBytes">The largest total size of the stage's folder seen by a sample.</param>
/// <param name="PeakRssBytes">The largest working set of the process seen by a sample during the stage.</param>
/// <param name="StartRssBytes">The working set when the stage started (after a full, compacting collection).</param>
/// <param name="FilesWritten">Files of the stage's folder that a sample saw new or changed since the stage started (not the staging copies written and renamed).</param>
/// <param name="BytesWritten">Their sizes as last seen.</param>
/// <param name="KernelWriteBytes">The bytes the process had the kernel write to storage (<c>/proc/self/io</c> write_bytes; null elsewhere): every file, temporary ones included.</param>
/// <param name="Samples">How many samples were taken.</param>
/// <param name="SamplerTime">The time the samples took (part of <paramref name="Cpu"/>).</param>
internal sealed record StageCost(
    TimeSpan Wall,
    TimeSpan Cpu,
    long PeakDiskBytes,
    long PeakRssBytes,
    long StartRssBytes,
    long FilesWritten,
    long BytesWritten,
    long? KernelWriteBytes,
    int Samples,
    TimeSpan SamplerTime);

/// <summary>
/// Measures one stage: wall and CPU time of the process, and, sampled every period by a background task (and once at the
/// start and at the end), the process's working set and the stage's folder (its total size, and which files are new or
/// changed). A full, compacting collection first, so the stage's working set is its own and not what earlier stages left.
/// </summary>
internal sealed class StageProbe : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Dictionary<string, FileStamp> _before;
    private readonly Dictionary<string, long> _written = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Stopwatch _clock;
    private readonly Stopwatch _sampling = new();
    private readonly TimeSpan _cpu;
    private readonly long? _kernelWrites;
    private readonly long _startRss;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakDisk;
    private long _peakRss;
    private int _samples;

    private StageProbe(string folder, TimeSpan period)
    {
        _folder = folder;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _before = FolderScan.Files(folder);
        _process.Refresh();
        _startRss = _process.WorkingSet64;
        _kernelWrites = KernelWriteBytes();
        _cpu = _process.TotalProcessorTime;
        _clock = Stopwatch.StartNew();
        Sample();
        _loop = LoopAsync(period, _stop.Token);
    }

    /// <summary>Starts measuring a stage whose files live under <paramref name="folder"/>.</summary>
    public static StageProbe Start(string folder, TimeSpan period) => new(Path.GetFullPath(folder), period);

    /// <summary>Takes the last sample and returns what the stage cost.</summary>
    public async Task<StageCost> StopAsync()
    {
        var wall = _clock.Elapsed;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _process.Refresh();
        var cpu = _process.TotalProcessorTime - _cpu;
        Sample();
        lock (_gate)
        {
            var kernel = KernelWriteBytes() - _kernelWrites;
            return new StageCost(wall, cpu, _peakDisk, _peakRss, _startRss, _written.Count, _written.Values.Sum(), kernel, _samples, _sampling.Elapsed);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _process.Dispose();
    }

    private async Task LoopAsync(TimeSpan period, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // The stage ended.
        }
    }

    private void Sample()
    {
        lock (_gate)
        {
            _sampling.Start();
            _process.Refresh();
            _peakRss = Math.Max(_peakRss, _process.WorkingSet64);
            var files = FolderScan.Files(_folder);
            long total = 0;
            foreach (var (path, stamp) in files)
            {
                total += stamp.Bytes;
                if ((!_before.TryGetValue(path, out var was) || was != stamp) && !IsStaging(path))
                {
                    _written[path] = stamp.Bytes;
                }
            }

            _peakDisk = Math.Max(_peakDisk, total);
            _samples++;
            _sampling.Stop();
        }
    }

    /// <summary>A file <see cref="Core.AtomicFile"/> stages and renames: its bytes are counted once, under the final name.</summary>
    private static bool IsStaging(string path)
    {
        var name = Path.GetFileName(path.AsSpan());
        return name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal);
    }

    /// <summary>write_bytes of <c>/proc/self/io</c>, or null where there is none.</summary>
    private static long? KernelWriteBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/io"))
            {
                if (line.StartsWith("write_bytes:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan("write_bytes:".Length).Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not readable here.
        }

        return null;
    }
}
