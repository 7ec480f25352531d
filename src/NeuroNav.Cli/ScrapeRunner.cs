using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Gpt4;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli;

/// <summary>Runs a fetch of any source with a live progress bar and prints the summary table every source shares.</summary>
public static class ScrapeRunner
{
    /// <summary>
    /// A fetch verb's whole run: the job from the command line (<paramref name="job"/> gets the catalog and the command
    /// line the corpus lock shows), the process's cancellation, the fetch, the summary; returns the exit code.
    /// </summary>
    public static async Task<int> RunVerbAsync(
        IAnsiConsole console, ModelCatalog catalog, CommandContext context, FetchSource source, Func<ModelCatalog, string, FetchJob> job, CancellationToken cancellationToken)
    {
        var request = job(catalog, CliText.CommandLine(context));
        var report = await RunAsync(console, source, request, cancellationToken);
        console.MarkupLineInterpolated($"Corpus: [link]{Path.GetFullPath(request.Corpus)}[/]");
        return (int)ExitCodeOf(report.Neurons);
    }

    /// <summary>Fetches <paramref name="source"/> (which takes the corpus lock) with the progress bar, then prints the summary.</summary>
    public static async Task<FetchReport> RunAsync(IAnsiConsole console, FetchSource source, FetchJob job, CancellationToken ct)
    {
        var report = await ShowAsync(console, source.Id, source.Unit, Total(job.Targets), progress => source.RunAsync(job, progress, ct));
        Print(console, report);
        return report;
    }

    public static ExitCode ExitCodeOf(ScrapeReport report) =>
        report.Cancelled ? ExitCode.Cancelled
        : report.Unreachable is not null ? ExitCode.SourceUnreachable
        : report.Failed + report.Invalid > 0 ? ExitCode.CompletedWithFailures
        : ExitCode.Success;

    /// <summary>One line saying that the run stopped early, naming the host and the last error.</summary>
    public static void PrintUnreachable(IAnsiConsole console, ScrapeReport report)
    {
        if (report.Unreachable is { } why)
        {
            console.MarkupLineInterpolated($"[red]unreachable:[/] {why}");
        }
    }

    /// <summary>Runs <paramref name="run"/> under a progress bar; the total grows when a source learns it late (Neuron2Graph's index).</summary>
    internal static async Task<FetchReport> ShowAsync(
        IAnsiConsole console, string source, string unit, long total, Func<IProgress<ScrapeProgress>, Task<FetchReport>> run)
    {
        FetchReport? report = null;
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Describe(source, unit, 0, total, 0, 0, TimeSpan.Zero), maxValue: Math.Max(1, total));
                var started = DateTime.UtcNow;
                var progress = new Progress<ScrapeProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = Describe(source, unit, p.Done, p.Total, p.Skipped, p.Failed, DateTime.UtcNow - started);
                });
                report = await run(progress);
                var r = report.Neurons;
                task.MaxValue = Math.Max(1, r.Requested);
                task.Value = task.MaxValue;
                task.Description = Describe(source, unit, r.Requested, r.Requested, r.Skipped, r.Failed + r.Invalid, r.Elapsed);
            });
        return report!;
    }

    private static long Total(IReadOnlyList<ScrapeTarget> targets) => targets.Sum(t => (long)(t.EndNeuron - t.FirstNeuron));

    private static string Describe(string source, string unit, long done, long total, long skipped, long failed, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0.5 ? (done - skipped) / elapsed.TotalSeconds : 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{source} {done:N0}/{total:N0}  {rate:F1} {unit}/s  skipped {skipped:N0}  [{(failed > 0 ? "red" : "grey")}]failures {failed:N0}[/]");
    }

    /// <summary>The summary of any source: per-neuron outcomes, the source's details, warnings, problems, and why it stopped early.</summary>
    internal static void Print(IAnsiConsole console, FetchReport fetch)
    {
        var report = fetch.Neurons;
        var table = new Table().Title($"Scrape summary: {Markup.Escape(fetch.Source)}").AddColumn("outcome").AddColumn(new TableColumn("neurons").RightAligned());
        void Row(string name, long n) => table.AddRow(name, n.ToString("N0", CultureInfo.InvariantCulture));
        Row("requested", report.Requested);
        Row("already stored (skipped)", report.Skipped);
        Row("fetched and stored", report.Fetched);
        Row("missing upstream (404)", report.MissingUpstream);
        Row("invalid page or file", report.Invalid);
        Row("failed (will be retried next run)", report.Failed);
        foreach (var detail in fetch.Details)
        {
            table.AddRow(Markup.Escape(detail.Name), Markup.Escape(detail.Value));
        }

        table.AddRow("elapsed", report.Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        if (report.Cancelled)
        {
            table.AddRow("[yellow]cancelled[/]", "everything fetched so far is kept");
        }

        console.Write(table);
        foreach (var warning in fetch.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        PrintProblems(console, report);
        PrintUnreachable(console, report);
    }

    private static void PrintProblems(IAnsiConsole console, ScrapeReport report)
    {
        if (report.Problems.Count == 0)
        {
            return;
        }

        var problems = new Table().Title("Problems (also in the corpus coverage table)")
            .AddColumn("neuron").AddColumn("status").AddColumn("http").AddColumn("reason");
        foreach (var p in report.Problems.Take(30))
        {
            problems.AddRow(
                Markup.Escape(p.Id.ToString()),
                p.Status.ToString(),
                p.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(p.Reason ?? ""));
        }

        if (report.Problems.Count > 30)
        {
            problems.AddRow("…", "", "", $"{report.Problems.Count - 30} more");
        }

        console.Write(problems);
    }
}
