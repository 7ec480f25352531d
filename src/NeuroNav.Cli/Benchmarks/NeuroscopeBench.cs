using System.Diagnostics;
using System.Globalization;
using NeuroNav.Build;
using NeuroNav.Build.Profiles;
using NeuroNav.Cli.Commands;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Neuroscope;
using NeuroNav.Hosting;
using NeuroNav.Sample;
using Spectre.Console;

namespace NeuroNav.Cli.Benchmarks;

/// <summary>
/// <c>neuronav bench</c>'s stages on realistic synthetic Neuroscope pages: writing them, parsing them, scraping them over
/// loopback into a corpus, reading the corpus back and building the site, each a row of one results table.
/// </summary>
internal sealed class NeuroscopeBench(IAnsiConsole console, BenchSettings s, ModelInfo model, string work, CancellationToken ct)
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

        var options = new BuildOptions(Output, [model.Id], Parallelism: 2, Precompress: !s.Plain && BuildProfile.Full.Precompress);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var report = await BuildRunner.RunAsync(console, new CorpusStore(CorpusRoot), catalog, options, ct);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Add("build, 2 cores (cold)", $"{report.Neurons / report.Elapsed.TotalSeconds:F0} neurons/s", $"{report.Neurons:N0} neurons, {report.FilesWritten:N0} files, {Mb(report.BytesWritten):F0} MB in {report.Elapsed.TotalSeconds:F1} s, {used.TotalMilliseconds / report.Neurons:F1} ms CPU per neuron");
        Add(OutputBytes.PerNeuron(Output, report.Neurons, options.Precompress));
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
