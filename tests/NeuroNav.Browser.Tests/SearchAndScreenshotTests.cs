using Microsoft.Playwright;
using Xunit.Abstractions;

namespace NeuroNav.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SearchAndScreenshotTests(BrowserSite site, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task Model_page_explanation_search_finds_neurons_whose_explanations_have_every_word()
    {
        var (page, errors) = await site.OpenAsync("gpt2-small/index.html");

        await page.Locator("#explanation-query").FillAsync("Python keyw");
        await page.Locator("#explanation-search button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#explanation-status")).ToContainTextAsync("match");

        var results = page.Locator("#explanation-results li");
        Assert.True(await results.CountAsync() > 0);
        Assert.All(await results.Locator(".expl").AllTextContentsAsync(), t => Assert.Equal(ExplainedSource.Explanations[0], t));
        await PageReady.FollowAsync(page, () => results.First.Locator("a").ClickAsync(), "**/gpt2-small/*/*.html");
        Assert.Contains(ExplainedSource.Explanations[0], await page.Locator("#gpt4").TextContentAsync(), StringComparison.Ordinal);
        PageErrors.None(errors);
    }

    [ChromiumFact]
    public async Task Index_explanation_search_offers_only_models_with_explanations_and_says_when_nothing_matches()
    {
        var (page, _) = await site.OpenAsync("index.html");
        var status = page.Locator("#explanation-status");

        Assert.Equal(["gpt2-small"], await page.Locator("#explanation-model option").AllTextContentsAsync());
        Assert.Equal("gpt2-small", await page.Locator("#explanation-model").InputValueAsync());
        await page.Locator("#explanation-query").FillAsync("zebra");
        await page.Locator("#explanation-search button[type=submit]").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("No explanation of gpt2-small has all of: zebra.");
        await page.Locator("#explanation-query").FillAsync("script");
        await page.Locator("#explanation-search button[type=submit]").ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("match");
        Assert.All(await page.Locator("#explanation-results .expl").AllTextContentsAsync(), t => Assert.Equal(ExplainedSource.Explanations[4], t));
        Assert.Equal(0, await page.Locator("#explanation-results script").CountAsync());
    }

    [ChromiumFact]
    public async Task One_screenshot_per_page_kind()
    {
        Directory.CreateDirectory(BrowserSite.ScreenshotDirectory);
        (string Kind, string Path, string Ready)[] pages =
        [
            ("index", "index.html", "table.models.with-data"),
            ("model", "gpt2-small/index.html", "table.layers"),
            ("layer", "gpt2-small/0/index.html", "table#neurons[data-rendered]"),
            ("layer-solu-1l", "solu-1l/0/index.html", "table#neurons[data-rendered]"),
            ("neuron", "gpt2-small/0/5.html", "#text-0 span.mx"),
        ];

        foreach (var (kind, path, ready) in pages)
        {
            var (page, errors) = await site.OpenAsync(path);
            await page.Locator(ready).First.WaitForAsync();
            var file = System.IO.Path.Combine(BrowserSite.ScreenshotDirectory, kind + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

            Assert.True(new FileInfo(file).Length > 10_000, $"{file} is suspiciously small");
            PageErrors.None(errors);
            output.WriteLine($"{kind} page screenshot: {file}");
        }
    }
}
