using System.Globalization;
using System.IO.Compression;
using Microsoft.Playwright;
using NeuroNav.Browser.Tests;
using NeuroNav.Build;
using NeuroNav.Build.Html;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Hosting;
using NeuroNav.Layer.Bench;
using NeuroNav.TestKit;

// Usage: dotnet run -c Release --project tests/NeuroNav.Browser.Tests/Bench -- [neurons=6400] [runs=3]
// Builds one gpt2-xl layer of synthetic neurons with explanations, then reports the layer page's and layer JSON's bytes
// (raw and gzip) and, in headless Chromium, first contentful paint, the time until the table holds the first rows from
// the layer JSON, the longest main-thread task, and one re-sort of all rows by kurtosis. Median of the runs.
var neurons = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 6400;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
using var temp = new TempDirectory("neuronav-layer-bench");
var output = temp.Combine("output");
var layer = new SyntheticLayer("gpt2-xl", 0, neurons);
var renderer = ScribanPageRenderer.Load(Repo.Path("templates"), Repo.Path("content"), "0.0.0-bench");
var started = DateTime.UtcNow;
await new SiteBuilder(layer, SampleMirrorServer.Catalog, renderer, [layer, GraphSectionSource.WithoutData]).BuildAsync(new BuildOptions(output, ["gpt2-xl"]), null, CancellationToken.None);
Console.WriteLine($"built {neurons} neurons in {(DateTime.UtcNow - started).TotalSeconds:F1} s");

foreach (var file in new[] { "gpt2-xl/0/index.html", "api/gpt2-xl/0/index.json" })
{
    var bytes = File.ReadAllBytes(Path.Combine(output, file));
    using var gzip = new MemoryStream();
    using (var z = new GZipStream(gzip, CompressionLevel.Optimal, leaveOpen: true))
    {
        z.Write(bytes);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {bytes.Length / 1024.0:F0} KiB raw, {gzip.Length / 1024.0:F0} KiB gzip"));
}

await using var server = await StaticSiteServer.StartAsync(output, 0, CancellationToken.None);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Chromium.ExecutablePath,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

var results = new List<(double Fcp, double Table, double LongestTask, double Sort)>();
for (var run = 0; run < runs; run++)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
    await context.AddInitScriptAsync("window.__longest = 0; new PerformanceObserver(l => l.getEntries().forEach(e => window.__longest = Math.max(window.__longest, e.duration))).observe({ type: 'longtask', buffered: true });");
    var page = await context.NewPageAsync();
    await page.GotoAsync(new Uri(server.BaseAddress, "gpt2-xl/0/index.html").ToString());
    await page.WaitForSelectorAsync("table#neurons[data-rendered]", new PageWaitForSelectorOptions { Timeout = 120_000 });
    var fcp = await page.EvaluateAsync<double>("() => performance.getEntriesByName('first-contentful-paint')[0].startTime");
    var table = await page.EvaluateAsync<double>("() => performance.now()");
    var longest = await page.EvaluateAsync<double>("() => window.__longest");
    var sort = await page.EvaluateAsync<double>(
        "() => { const t = performance.now(); document.querySelector('th[data-key=excess_kurtosis] button').click(); document.body.offsetHeight; return performance.now() - t; }");
    results.Add((fcp, table, longest, sort));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run + 1}: first contentful paint {fcp:F0} ms, table filled from the JSON {table:F0} ms, longest task {longest:F0} ms, sort by kurtosis {sort:F0} ms"));
    await context.CloseAsync();
}

double Median(IEnumerable<double> values) => values.Order().ElementAt(runs / 2);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median of {runs}: first contentful paint {Median(results.Select(r => r.Fcp)):F0} ms, table filled from the JSON {Median(results.Select(r => r.Table)):F0} ms (upper bound), longest task {Median(results.Select(r => r.LongestTask)):F0} ms, sort by kurtosis {Median(results.Select(r => r.Sort)):F0} ms"));
