using System.Text.Json;
using Microsoft.Playwright;
using NeuroNav.Build;
using NeuroNav.Build.Html;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Fetch;
using NeuroNav.Hosting;
using NeuroNav.Sample;
using NeuroNav.TestKit;

namespace NeuroNav.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}

/// <summary>
/// Once per test run: serves the sample mirror on 127.0.0.1, scrapes it over HTTP into a corpus, builds the site with a
/// stand-in GPT-4 source (<see cref="ExplainedSource"/>, rendered by a test copy of gpt4.sbn) as the <c>full</c> profile
/// writes it (each layer's files gzip-compressed, so every page and fetch goes through <c>Content-Encoding: gzip</c>),
/// serves the site on 127.0.0.1 and launches Debian's Chromium headless. Does nothing where the tests are skipped for want of Chromium.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-browser");
    private StaticSiteServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => _server?.BaseAddress ?? throw new InvalidOperationException("the browser site is not running");

    public string Output => _dir.Combine("output");

    /// <summary>Where the screenshots go: under the test output folder, kept after the run.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (Chromium.SkipReason is not null)
        {
            return;
        }

        var corpus = new CorpusStore(_dir.Combine("corpus"));
        await using (var mirror = await SampleMirrorServer.StartAsync())
        {
            var options = new FetchOptions
            {
                BaseUrl = mirror.BaseAddress,
                RequestsPerSecond = 500,
                MaxRetries = 1,
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                Timeout = TimeSpan.FromSeconds(10),
                BatchSize = 8,
            };
            var targets = SampleMirror.Ranges.Select(r => new ScrapeTarget(r.Model, r.Layer, r.FirstNeuron, r.EndNeuron)).ToList();
            await new NeuroscopeScraper(corpus, options).RunAsync(targets, null, CancellationToken.None);
        }

        var renderer = ScribanPageRenderer.Load(Templates(), Repo.Path("content"), "0.0.0-browser");
        await new SiteBuilder(corpus, SampleMirrorServer.Catalog, renderer, [new ExplainedSource(), GraphSectionSource.WithoutData])
            .BuildAsync(new BuildOptions(Output, [], Precompress: true), null, CancellationToken.None);
        _server = await StaticSiteServer.StartAsync(Output, 0, CancellationToken.None);

        // Expectations wait for what the page shows (never for time); on a loaded machine a fetch can take more than 5 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The built document at <paramref name="apiPath"/> as a client gets it (decoded when stored compressed).</summary>
    public JsonElement ReadJson(string apiPath)
    {
        var entry = SiteManifestFormat.Parse(File.ReadAllBytes(Path.Combine(Output, SiteManifestFormat.FileName))).Single(f => f.Path == apiPath).Entry;
        using var stored = StoredEncoding.Decode(File.OpenRead(Path.Combine(Output, StoredEncoding.DiskPath(apiPath, entry.Encoding))), entry.Encoding);
        return JsonDocument.Parse(stored).RootElement.Clone();
    }

    /// <summary>
    /// A fresh page at <paramref name="sitePath"/>, once every script of it says it is ready (<see cref="PageReady"/>);
    /// every console error and uncaught exception lands in <c>errors</c>.
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string sitePath)
    {
        var (page, errors, response) = await OpenAnyAsync(sitePath);
        Assert.True(response is { Ok: true }, $"{sitePath}: HTTP {response?.Status}");
        return (page, errors);
    }

    /// <summary>Like <see cref="OpenAsync"/>, for a path the site does not have: the answer must be 404 (with the site's 404 page).</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenMissingAsync(string sitePath)
    {
        var (page, errors, response) = await OpenAnyAsync(sitePath);
        Assert.True(response is { Status: 404 }, $"{sitePath}: HTTP {response?.Status}, expected 404");
        errors.RemoveAll(e => e == $"HTTP 404 for {new Uri(BaseAddress, sitePath)}");
        return (page, errors);
    }

    private async Task<(IPage Page, List<string> Errors, IResponse? Response)> OpenAnyAsync(string sitePath)
    {
        var browser = _browser ?? throw new InvalidOperationException("Chromium is not running");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        // Probes that may miss (another layer's neuron, a search shard) are fetches; any other failed load is an error.
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(m.Text);
            }
        };
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && r.Request.ResourceType != "fetch")
            {
                errors.Add($"HTTP {r.Status} for {r.Url}");
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        var response = await PageReady.GotoAsync(page, new Uri(BaseAddress, sitePath).ToString());
        return (page, errors, response);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The repository's templates, with a gpt4.sbn that prints what <see cref="ExplainedSource.Section"/> has.</summary>
    private string Templates()
    {
        var folder = _dir.Combine("templates");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Repo.Path("templates"), "*.sbn"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(folder, "gpt4.sbn"), "<section id=\"gpt4\"><h2>GPT-4 explanation</h2><p>{{ page.explanation | html.escape }}</p></section>\n");
        return folder;
    }
}

internal static class PageErrors
{
    /// <summary>Fails with every error the page reported.</summary>
    public static void None(List<string> errors) => Assert.True(errors.Count == 0, "the page reported errors:\n" + string.Join("\n", errors));
}
