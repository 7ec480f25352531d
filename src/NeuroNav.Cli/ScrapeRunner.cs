using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Fetch;
using NeuroNav.Fetch.OpenAi;
using Spectre.Console;

namespace NeuroNav.Cli;

/// <summary>Runs a scrape with a live progress bar and prints the summary table.</summary>
public static class ScrapeRunner
{
    public static Task<ScrapeReport> RunAsync(
        IAnsiConsole console, ICorpusWriter corpus, FetchOptions options, IReadOnlyList<ScrapeTarget> targets, CancellationToken ct)
    {
        var scraper = new NeuroscopeScraper(corpus, options);
        return RunAsync(console, "neuroscope", "pages/s", targets, progress => scraper.RunAsync(targets, progress, ct));
    }

    /// <summary>Fetches OpenAI's neuron-explainer files (the GPT-4 source) with the same progress bar and summary.</summary>
    public static Task<ScrapeReport> RunGpt4Async(
        IAnsiConsole console, Gpt4Store store, FetchOptions options, IReadOnlyList<ScrapeTarget> targets, bool includeUndocumented, CancellationToken ct)
    {
        var scraper = new Gpt4Scraper(store, options, includeUndocumented);
        return RunAsync(console, "gpt4", "neurons/s", targets, progress => scraper.RunAsync(targets, progress, ct));
    }

    private static async Task<ScrapeReport> RunAsync(
        IAnsiConsole console, string source, string unit, IReadOnlyList<ScrapeTarget> targets, Func<IProgress<ScrapeProgress>, Task<ScrapeReport>> run)
    {
        var total = targets.Sum(t => (long)(t.EndNeuron - t.FirstNeuron));
        ScrapeReport? report = null;

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
                    task.Value = p.Done;
                    task.Description = Describe(source, unit, p.Done, p.Total, p.Skipped, p.Failed, DateTime.UtcNow - started);
                });
                report = await run(progress);
                task.Value = task.MaxValue;
                task.Description = Describe(source, unit, total, total, report.Skipped, report.Failed + report.Invalid, report.Elapsed);
            });

        PrintSummary(console, report!);
        PrintUnreachable(console, report!);
        return report!;
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

    private static string Describe(string source, string unit, long done, long total, long skipped, long failed, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0.5 ? (done - skipped) / elapsed.TotalSeconds : 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{source} {done:N0}/{total:N0}  {rate:F1} {unit}  skipped {skipped:N0}  [{(failed > 0 ? "red" : "grey")}]failures {failed:N0}[/]");
    }

    private static void PrintSummary(IAnsiConsole console, ScrapeReport report)
    {
        var table = new Table().Title("Scrape summary").AddColumn("outcome").AddColumn(new TableColumn("neurons").RightAligned());
        void Row(string name, long n) => table.AddRow(name, n.ToString("N0", CultureInfo.InvariantCulture));
        Row("requested", report.Requested);
        Row("already stored (skipped)", report.Skipped);
        Row("fetched and stored", report.Fetched);
        Row("missing upstream (404)", report.MissingUpstream);
        Row("invalid page or file", report.Invalid);
        Row("failed (will be retried next run)", report.Failed);
        table.AddRow("elapsed", report.Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        if (report.Cancelled)
        {
            table.AddRow("[yellow]cancelled[/]", "everything fetched so far is kept");
        }

        console.Write(table);
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
