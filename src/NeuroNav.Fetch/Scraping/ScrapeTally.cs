using System.Collections.Concurrent;
using NeuroNav.Core;

namespace NeuroNav.Fetch.Scraping;

/// <summary>The counters of a run, updated by all workers, reported to the progress bar as neurons finish.</summary>
internal sealed class ScrapeTally(long total, IProgress<ScrapeProgress>? progress)
{
    private readonly ConcurrentQueue<CoverageRow> _problems = new();
    private long _done;
    private long _skipped;
    private long _present;
    private long _missing;
    private long _failed;
    private long _invalid;

    public void Skip(long count)
    {
        if (count == 0)
        {
            return;
        }

        Interlocked.Add(ref _skipped, count);
        Interlocked.Add(ref _done, count);
        Report();
    }

    public void Record(CoverageRow row)
    {
        switch (row.Status)
        {
            case CoverageStatus.Present:
                Interlocked.Increment(ref _present);
                break;
            case CoverageStatus.MissingUpstream:
                Interlocked.Increment(ref _missing);
                break;
            case CoverageStatus.Invalid:
                Interlocked.Increment(ref _invalid);
                break;
            default:
                Interlocked.Increment(ref _failed);
                break;
        }

        if (row.Status != CoverageStatus.Present)
        {
            _problems.Enqueue(row);
        }

        Interlocked.Increment(ref _done);
        Report();
    }

    public ScrapeReport ToReport(bool cancelled, TimeSpan elapsed, string? unreachable = null)
    {
        var problems = _problems
            .OrderBy(r => r.Model, StringComparer.Ordinal)
            .ThenBy(r => r.Layer)
            .ThenBy(r => r.Neuron)
            .ToList();
        return new ScrapeReport(
            total,
            Interlocked.Read(ref _skipped),
            Interlocked.Read(ref _present),
            Interlocked.Read(ref _missing),
            Interlocked.Read(ref _failed),
            Interlocked.Read(ref _invalid),
            cancelled,
            elapsed,
            problems,
            unreachable);
    }

    private void Report() => progress?.Report(new ScrapeProgress(
        total,
        Interlocked.Read(ref _done),
        Interlocked.Read(ref _skipped),
        Interlocked.Read(ref _failed) + Interlocked.Read(ref _invalid)));
}
