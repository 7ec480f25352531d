using NeuroNav.Cli.Commands;
using NeuroNav.Cli.Errors;
using NeuroNav.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli;

/// <summary>The <c>neuronav</c> command line: one verb per pipeline stage, plus the sample and benchmarks.</summary>
public static class NeuroNavApp
{
    /// <summary>
    /// Runs one command line. The process's catalog is loaded once and handed to every command, as is the one
    /// cancellation token that Ctrl+C (or <paramref name="cancellationToken"/>) cancels.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, CancellationToken cancellationToken = default)
    {
        var output = console ?? OutputConsole.Create();
        var verbs = new Dictionary<string, Type>(StringComparer.Ordinal);
        using var cancellation = new Cancellation(cancellationToken);
        ModelCatalog? catalog = null;
        try
        {
            catalog = ModelCatalog.Load(AppPaths.Catalog);
            return await Create(output, verbs, catalog).RunAsync(args, cancellation.Token);
        }
        catch (Exception e)
        {
            var error = UserError.From(e, args, verbs);
            output.MarkupLineInterpolated($"[red]{error.Kind}:[/] {error.Message}");
            if (Environment.GetEnvironmentVariable("NEURONAV_DEBUG") == "1")
            {
                output.WriteException(e);
            }

            if (error.UsageOf is { } verb && catalog is not null)
            {
                output.WriteLine();
                await Create(output, [], catalog).RunAsync([verb, "--help"], CancellationToken.None);
            }

            return (int)error.Code;
        }
    }

    /// <summary>The app, strict: an unknown option or a stray argument is an error, never ignored.</summary>
    private static CommandApp Create(IAnsiConsole console, Dictionary<string, Type> verbs, ModelCatalog catalog)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.Settings.Registrar.RegisterInstance(catalog);
            config.SetApplicationName("neuronav");
            config.SetApplicationVersion(BuildRunner.Version);
            config.ConfigureConsole(console);
            config.UseStrictParsing();
            config.PropagateExceptions();

            ICommandConfigurator Verb<TCommand>(string name)
                where TCommand : class, ICommand
            {
                verbs[name] = typeof(TCommand);
                return config.AddCommand<TCommand>(name);
            }

            Verb<DemoCommand>("demo").WithExample("demo");
            Verb<FetchCommand>("fetch").WithExample("fetch", "neuroscope", "--model", "gpt2-small", "--layers", "0-1", "--neurons", "0-99")
                .WithExample("fetch", "gpt4", "--model", "gpt2-xl", "--layers", "0-3")
                .WithExample("fetch", "neuron2graph", "--model", "gpt2-small", "--from", "neuron_graphs/gpt2-small");
            Verb<ScrapeCommand>("scrape").WithExample("scrape", "--model", "gpt2-small", "--layers", "0-1", "--neurons", "0-99");
            Verb<GraphCommand>("n2g").WithExample("n2g", "--model", "gpt2-small", "--from", "neuron_graphs/gpt2-small");
            Verb<BuildCommand>("build").WithExample("build", "--corpus", "corpus", "--out", "output");
            Verb<VerifyCommand>("verify").WithExample("verify", "--dir", "output", "--corpus", "corpus");
            Verb<ServeCommand>("serve").WithExample("serve", "--dir", "output");
            Verb<CompactCommand>("compact").WithExample("compact", "--corpus", "corpus");
            Verb<ModelsCommand>("models");
            Verb<CatalogCommand>("catalog");
            Verb<SampleCommand>("sample");
            Verb<PlanCommand>("plan").WithExample("plan", "--corpus", "corpus", "--profile", "pages");
            Verb<MatrixCommand>("matrix").WithExample("matrix", "--max-parallel", "8");
            Verb<PublishCommand>("publish").WithExample("publish", "--dir", "output", "--bucket", "neuronav", "--prefix", "site", "--dry-run");
            Verb<PartitionCommand>("partition").WithExample("partition", "--model", "gpt2-xl", "--layers", "0-11", "--corpus", "corpus", "--work", "work", "--bucket", "neuronav", "--prefix", "site");
            Verb<IndexesCommand>("indexes").WithExample("indexes", "--bucket", "neuronav", "--prefix", "site", "--out", "output");
            Verb<BenchCommand>("bench").WithExample("bench", "--neurons", "6400", "--stage", "all");
            Verb<RehearseCommand>("rehearse").WithExample("rehearse", "--work", "rehearsal", "--endpoint", "http://127.0.0.1:5123", "--bucket", "neuronav-rehearsal", "--prefix", "site");
        });
        return app;
    }
}
