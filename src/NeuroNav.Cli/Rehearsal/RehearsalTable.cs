using System.Globalization;
using Spectre.Console;

namespace NeuroNav.Cli.Rehearsal;

/// <summary>The rehearsal's figures as one table per stage and run, then the disk bound and the second run's verdict.</summary>
internal static class RehearsalTable
{
    public static void Print(IAnsiConsole console, RehearsalFigures f)
    {
        var table = new Table().Title("NeuroNav rehearsal")
            .AddColumns("run", "stage", "wall", "CPU", "peak disk", "peak RSS", "written (files, bytes)", "stored (objects, bytes)", "mirror requests", "S3 requests");
        foreach (var s in f.Stages)
        {
            table.AddRow(
                I(s.Run), s.Stage, Seconds(s.WallSeconds), Seconds(s.CpuSeconds), Bytes(s.PeakDiskBytes), Bytes(s.PeakRssBytes),
                $"{N(s.FilesWritten)}, {Bytes(s.BytesWritten)}", $"{N(s.ObjectsStored)}, {Bytes(s.BytesStored)}", N(s.MirrorRequests),
                Requests(s));
        }

        table.Caption(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{f.Model}: {f.Layers} layer(s) × {f.NeuronsPerLayer:N0} neurons, {f.Texts} texts × {f.Tokens:N0} tokens; {f.ProcessorCount} cores; "
            + $"peak disk (the stage's job folder) and peak RSS (this process) sampled every {f.SamplePeriodMs:N0} ms; mirror: {f.Mirror.Pages:N0} pages, {Bytes(f.Mirror.Bytes)}")));
        console.Write(table);

        if (f.PeakDisk is { } d)
        {
            console.MarkupLineInterpolated(
                $"Peak disk of the partition job: {Bytes(d.PartitionPeakDiskBytes)} ({N(d.PartitionPeakDiskBytes)} B) against one layer's output + the partition's corpus = {Bytes(d.LargestLayerBytes)} (layer {d.LargestLayer}, {N(d.LargestLayerBytes)} B) + {Bytes(d.CorpusBytes)} ({N(d.CorpusBytes)} B) = {Bytes(d.BoundBytes)}: {(d.OverBoundBytes == 0 ? "within" : $"over by {N(d.OverBoundBytes)} B")}.");
        }

        if (f.SecondRun is { } r)
        {
            if (r.Passed)
            {
                console.MarkupLine("Second run: fetched nothing (0 mirror requests) and published nothing (0 objects written, the listing unchanged).");
            }
            else
            {
                console.MarkupLineInterpolated(
                    $"[red]Second run: {N(r.PagesFetched)} mirror request(s), {N(r.Writes.Count)} write(s) to the bucket, {N(r.Changed.Count)} object(s) changed[/]: {string.Join("; ", r.Writes.Concat(r.Changed).Take(20))}");
            }
        }
    }

    /// <summary>One stage's figures on one line, as soon as it ends.</summary>
    public static void PrintStage(IAnsiConsole console, StageFigures s) =>
        console.MarkupLineInterpolated(
            $"[bold]run {s.Run} {s.Stage}[/]: wall {Seconds(s.WallSeconds)}, CPU {Seconds(s.CpuSeconds)}, peak disk {Bytes(s.PeakDiskBytes)}, peak RSS {Bytes(s.PeakRssBytes)}, written {N(s.FilesWritten)} files {Bytes(s.BytesWritten)}, stored {N(s.ObjectsStored)} objects {Bytes(s.BytesStored)}, mirror requests {N(s.MirrorRequests)}, S3 requests {Requests(s)}");

    public static string Bytes(long b) => b switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{b / 1e9:F2} GB"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{b / 1e6:F1} MB"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{b / 1e3:F1} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{b} B"),
    };

    private static string Seconds(double s) => s >= 60
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)(s / 60)} min {s % 60:F0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{s:F1} s");

    private static string Requests(StageFigures s) =>
        s.S3Requests.Count == 0 ? "0" : string.Join(", ", s.S3Requests.Select(r => $"{r.Key} {N(r.Value)}"));

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}
