using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using NeuroNav.Build;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Neuroscope;
using NeuroNav.Hosting;
using NeuroNav.Sample;
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

        var bench = new Bench(console, s, model, Path.GetFullPath(s.Work), cancellationToken);
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

    private sealed class Bench(IAnsiConsole console, BenchSettings s, ModelInfo model, string work, CancellationToken ct)
    {
        private readonly Table _results = new Table().Title("NeuroNav benchmark").AddColumns("measure", "value", "detail");

        private string Mirror => Path.Combine(work, "mirror");

        private string CorpusRoot => Path.Combine(work, "corpus");

        private string Output => Path.Combine(work, "output");

        private IEnumerable<NeuronId> Neurons() =>
            Enumerable.Range(0, s.Layers).SelectMany(l => Enumerable.Range(0, s.Neurons).Select(n => new NeuronId(model.Id, l, n)));

        private string PagePath(NeuronId id) => Path.Combine(Mirror, id.Model, I(id.Layer), I(id.Neuron) + ".html");

        public void Pages()
        {
            var clock = Stopwatch.StartNew();
            long written = 0;
            Parallel.ForEach(Neurons(), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, id =>
            {
                var path = PagePath(id);
                if (!File.Exists(path))
                {
                    AtomicFile.WriteAllBytes(path, RealisticPages.Neuron(model, id.Layer, id.Neuron, s.Texts, s.Tokens).Html);
                    Interlocked.Increment(ref written);
                }
            });
            Add("synthetic pages", $"{Neurons().Count():N0} pages, {Mb(RawBytes()):F0} MB", $"{written:N0} written in {clock.Elapsed.TotalSeconds:F1} s");
        }

        public void Parse()
        {
            var pages = Neurons().Take(64).Select(id => (id, bytes: File.ReadAllBytes(PagePath(id)))).ToList();
            var bytes = 0L;
            var clock = Stopwatch.StartNew();
            var rounds = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(10) || rounds < 2)
            {
                foreach (var (id, html) in pages)
                {
                    _ = NeuronPageParser.Parse(html, id, new Provenance("bench", DateTimeOffset.UnixEpoch, "", html.Length));
                    bytes += html.Length;
                }

                rounds++;
            }

            Add("parse, 1 core", $"{Mb(bytes) / clock.Elapsed.TotalSeconds:F0} MB/s", $"{pages.Count} pages of {Mb(pages[0].bytes.Length):F2} MB × {rounds} rounds");
        }

        public async Task ScrapeAsync()
        {
            if (Directory.Exists(CorpusRoot))
            {
                Directory.Delete(CorpusRoot, recursive: true);
            }

            await using var server = await StaticSiteServer.StartAsync(Mirror, 0, ct);
            var options = new FetchOptions { BaseUrl = server.BaseAddress, Concurrency = 4, RequestsPerSecond = double.PositiveInfinity };
            var targets = Enumerable.Range(0, s.Layers).Select(l => new ScrapeTarget(model.Id, l, 0, s.Neurons)).ToList();
            var report = await new NeuroscopeScraper(new CorpusStore(CorpusRoot), options).RunAsync(targets, null, ct);
            var seconds = report.Elapsed.TotalSeconds;
            Add("scrape over loopback", $"{report.Fetched / seconds:F0} pages/s", $"{report.Fetched:N0} stored, {report.Failed + report.Invalid} problems, 4 in flight, {seconds:F1} s");

            var corpusBytes = Directory.EnumerateFiles(CorpusRoot, "*.parquet", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            var raw = RawBytes();
            var n = Neurons().Count();
            Add("corpus vs raw HTML", $"{100.0 * corpusBytes / raw:F1} %", $"{corpusBytes / n:N0} B/neuron in Parquet vs {raw / n:N0} B/neuron of HTML");
        }

        public async Task ReadAsync()
        {
            var corpus = new CorpusStore(CorpusRoot);
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long neurons = 0, tokens = 0;
            for (var layer = 0; layer < s.Layers; layer++)
            {
                await foreach (var neuron in corpus.ReadLayerAsync(model.Id, layer, ct))
                {
                    neurons++;
                    tokens += neuron.Texts.Sum(t => t.Tokens.Length);
                }
            }

            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Add("corpus read, 1 reader", $"{neurons / clock.Elapsed.TotalSeconds:F0} neurons/s", $"{tokens / clock.Elapsed.TotalSeconds / 1e6:F1} M tokens/s, {used.TotalMilliseconds / neurons:F1} ms CPU per neuron");
        }

        public async Task BuildAsync(ModelCatalog catalog)
        {
            if (Directory.Exists(Output))
            {
                Directory.Delete(Output, recursive: true);
            }

            var report = await BuildRunner.RunAsync(console, new CorpusStore(CorpusRoot), catalog, new BuildOptions(Output, [model.Id], Parallelism: 2), ct);
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Add("build, 2 cores (cold)", $"{report.Neurons / report.Elapsed.TotalSeconds:F0} neurons/s", $"{report.Neurons:N0} neurons, {report.FilesWritten:N0} files, {Mb(report.BytesWritten):F0} MB in {report.Elapsed.TotalSeconds:F1} s");
            Add("peak RSS of this process", $"{Mb(peak):F0} MB", s.Stage == "build" ? $"build of {s.Layers} layer(s) alone" : "all stages in one process: run --stage build alone for the build's own");
        }

        public void Print()
        {
            _results.Caption(I(Environment.ProcessorCount) + " cores, " + s.Texts + " texts × " + s.Tokens + " tokens per neuron, " + model.Id);
            console.Write(_results);
        }

        private long RawBytes() => Neurons().Select(PagePath).Where(File.Exists).Sum(p => new FileInfo(p).Length);

        public void Add(IEnumerable<(string Measure, string Value, string Detail)> rows)
        {
            foreach (var (measure, value, detail) in rows)
            {
                Add(measure, value, detail);
            }
        }

        private void Add(string measure, string value, string detail) => _results.AddRow(measure, value, Markup.Escape(detail));

        private static double Mb(long bytes) => bytes / 1e6;

        private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    }
}
