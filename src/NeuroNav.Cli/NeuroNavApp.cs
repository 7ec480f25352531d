using NeuroNav.Cli.Commands;
using NeuroNav.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli;

/// <summary>The <c>neuronav</c> command line: one verb per pipeline stage, plus the sample and benchmarks.</summary>
public static class NeuroNavApp
{
    public static Task<int> RunAsync(string[] args, IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("neuronav");
            config.SetApplicationVersion(BuildRunner.Version);
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.AddCommand<DemoCommand>("demo").WithExample("demo");
            config.AddCommand<ScrapeCommand>("scrape").WithExample("scrape", "--model", "gpt2-small", "--layers", "0-1", "--neurons", "0-99");
            config.AddCommand<BuildCommand>("build").WithExample("build", "--corpus", "corpus", "--out", "output");
            config.AddCommand<VerifyCommand>("verify").WithExample("verify", "--dir", "output", "--corpus", "corpus");
            config.AddCommand<ServeCommand>("serve").WithExample("serve", "--dir", "output");
            config.AddCommand<CompactCommand>("compact").WithExample("compact", "--corpus", "corpus");
            config.AddCommand<ModelsCommand>("models");
            config.AddCommand<CatalogCommand>("catalog");
            config.AddCommand<SampleCommand>("sample");
            config.AddCommand<PlanCommand>("plan").WithExample("plan", "--corpus", "corpus", "--profile", "pages");
            config.AddCommand<PublishCommand>("publish").WithExample("publish", "--dir", "output", "--bucket", "neuronav", "--prefix", "site", "--dry-run");
            config.AddCommand<BenchCommand>("bench").WithExample("bench", "--neurons", "6400", "--stage", "all");
            config.SetExceptionHandler((e, _) => Report(console ?? AnsiConsole.Console, e));
        });
        return app.RunAsync(args);
    }

    /// <summary>No stack traces for the user: a one-line reason and a meaningful exit code.</summary>
    private static int Report(IAnsiConsole console, Exception e)
    {
        var (code, what) = e switch
        {
            CommandParseException or CommandRuntimeException or ArgumentException or CatalogException => (ExitCode.BadArguments, "error"),
            OperationCanceledException => (ExitCode.Cancelled, "cancelled"),
            _ => (ExitCode.Aborted, "aborted"),
        };
        console.MarkupLineInterpolated($"[red]{what}:[/] {e.Message}");
        if (Environment.GetEnvironmentVariable("NEURONAV_DEBUG") == "1")
        {
            console.WriteException(e);
        }

        return (int)code;
    }
}
