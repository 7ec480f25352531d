using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace NeuroNav.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LayerPageTests(BrowserSite site)
{
    private const string Layer = "gpt2-small/0/index.html";

    private int NeuronsInLayer() =>
        site.ReadJson("api/gpt2-small/0/index.json").GetProperty("neurons").GetArrayLength();

    [ChromiumFact]
    public async Task Table_fills_from_the_layer_json_in_the_default_ranking_with_explanations()
    {
        var (page, errors) = await site.OpenAsync(Layer);
        await page.Locator("table#neurons[data-rendered]").WaitForAsync();

        var rows = page.Locator("table#neurons tbody tr");
        Assert.Equal(NeuronsInLayer(), await rows.CountAsync());
        Assert.Equal(Enumerable.Range(1, NeuronsInLayer()).Select(r => r.ToString(CultureInfo.InvariantCulture)), await rows.Locator("td:first-child").AllTextContentsAsync());
        var neuron = int.Parse((await rows.First.GetAttributeAsync("data-neuron"))!, CultureInfo.InvariantCulture);
        Assert.Equal(ExplainedSource.ExplanationOf(0, neuron), await rows.First.Locator("td.text").TextContentAsync());
        PageErrors.None(errors);
    }

    [ChromiumFact]
    public async Task Kurtosis_heading_sorts_descending_then_ascending_with_undefined_last()
    {
        var (page, errors) = await site.OpenAsync(Layer);
        await page.Locator("table#neurons[data-rendered]").WaitForAsync();
        var heading = page.Locator("th[data-key=excess_kurtosis]");

        await heading.Locator("button").ClickAsync();
        await Assertions.Expect(heading).ToHaveAttributeAsync("aria-sort", "descending");
        var descending = await Kurtosis(page);
        await heading.Locator("button").ClickAsync();
        await Assertions.Expect(heading).ToHaveAttributeAsync("aria-sort", "ascending");
        var ascending = await Kurtosis(page);

        Assert.Equal(NeuronsInLayer(), descending.Count);
        Assert.Equal(descending.Where(k => k is not null).OrderDescending(), descending.Where(k => k is not null));
        Assert.Equal(ascending.Where(k => k is not null).Order(), ascending.Where(k => k is not null));
        Assert.True(ascending.SkipWhile(k => k is not null).All(k => k is null), "undefined kurtosis sorts last");
        Assert.NotEqual(descending, ascending);
        Assert.Contains("by kurtosis ascending", await page.Locator("#neurons-status").TextContentAsync(), StringComparison.Ordinal);
        PageErrors.None(errors);
    }

    [ChromiumFact]
    public async Task Filters_narrow_the_table_by_text_and_by_range()
    {
        var (page, errors) = await site.OpenAsync(Layer);
        await page.Locator("table#neurons[data-rendered]").WaitForAsync();
        var rows = page.Locator("table#neurons tbody tr");

        await page.Locator("#filter-text").FillAsync("cats");
        await Assertions.Expect(page.Locator("#neurons-status")).ToContainTextAsync("Showing ");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#neurons tbody td.text')].every(td => td.textContent.includes('cats'))");
        var texts = await rows.Locator("td.text").AllTextContentsAsync();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Equal(ExplainedSource.Explanations[2], t));

        await page.Locator("#filter-text").FillAsync("");
        await page.Locator("#filter-column").SelectOptionAsync("max_activation");
        await page.Locator("#filter-min").FillAsync("1e9");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        PageErrors.None(errors);
    }

    private static async Task<List<double?>> Kurtosis(IPage page)
    {
        var cells = await page.Locator("table#neurons tbody tr td:nth-child(3)").AllTextContentsAsync();
        return [.. cells.Select(c => c == "–" ? (double?)null : double.Parse(c, CultureInfo.InvariantCulture))];
    }
}
