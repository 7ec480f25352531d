using System.ComponentModel;
using NeuroNav.Cli.Benchmarks;
using NeuroNav.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class BenchSettings : CommandSettings
{
    [CommandOption("-w|--work <DIR>")]
    [Description("Working folder for the synthetic mirror, corpus and output (several GB at full size).")]
    [DefaultValue("bench")]
    public string Work { get; init; } = "bench";

    [CommandOption("-m|--model <MODEL>")]
    [Description("Model whose size and names the synthetic neurons take.")]
    [DefaultValue("gpt2-xl")]
    public string Model { get; init; } = "gpt2-xl";

    [CommandOption("--layers <N>")]
    [Description("Layers to generate (0..N-1); compare peak RSS of 1 and 2 layers to see it does not grow.")]
    [DefaultValue(1)]
    public int Layers { get; init; } = 1;

    [CommandOption("--neurons <N>")]
    [Description("Neurons per layer.")]
    [DefaultValue(6400)]
    public int Neurons { get; init; } = 6400;

    [CommandOption("--texts <N>")]
    [Description("Max-activating example texts per synthetic neuron (Neuroscope shows 20).")]
    [DefaultValue(20)]
    public int Texts { get; init; } = 20;

    [CommandOption("--tokens <N>")]
    [Description("Tokens per text (the models' context: 1,024 for GPT-2).")]
    [DefaultValue(1024)]
    public int Tokens { get; init; } = 1024;

    [CommandOption("--plain")]
    [Description("Build without precompression, as the 'pages' profile and a build without --profile write; by default the build stage writes what the 'full' profile writes (each layer's files gzip-compressed).")]
    public bool Plain { get; init; }

    [CommandOption("--stage <STAGE>")]
    [Description("pages, parse, scrape, read (corpus only), build, all, or gpt4 (OpenAI file parse rate and the GPT-4 section's build cost; not part of all). Run 'build' alone in a fresh process for a clean peak RSS.")]
    [DefaultValue("all")]
    public string Stage { get; init; } = "all";

    public override ValidationResult Validate() =>
        Stage is "all" or "pages" or "parse" or "scrape" or "read" or "build" or "gpt4"
            ? Layers < 1 || Neurons < 1 || Texts < 1 || Tokens < 1 ? ValidationResult.Error("sizes must be positive") : ValidationResult.Success()
            : ValidationResult.Error("--stage must be pages, parse, scrape, read, build, all or gpt4");
}

[Description("Measure parse MB/s, scrape pages/s, corpus size against raw HTML, build neurons/s and peak RSS on realistic synthetic neurons.")]
public sealed class BenchCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<BenchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BenchSettings s, CancellationToken cancellationToken)
    {
        var model = catalog[s.Model];
        if (s.Layers > model.Layers || s.Neurons > model.NeuronsPerLayer)
        {
            throw new ArgumentException($"{model.Id} has {model.Layers} layers of {model.NeuronsPerLayer} neurons");
        }

        var bench = new NeuroscopeBench(console, s, model, Path.GetFullPath(s.Work), cancellationToken);
        var all = s.Stage == "all";
        if (all || s.Stage == "pages")
        {
            bench.Pages();
        }

        if (all || s.Stage == "parse")
        {
            bench.Parse();
        }

        if (all || s.Stage == "scrape")
        {
            await bench.ScrapeAsync();
        }

        if (all || s.Stage == "read")
        {
            await bench.ReadAsync();
        }

        if (all || s.Stage == "build")
        {
            await bench.BuildAsync(catalog);
        }

        if (s.Stage == "gpt4")
        {
            bench.Add(await Gpt4Bench.RunAsync(catalog, model, Path.GetFullPath(s.Work), Math.Min(s.Neurons, 1000), s.Texts, s.Tokens, cancellationToken));
        }

        bench.Print();
        return (int)ExitCode.Success;
    }
}
