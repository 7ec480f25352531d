using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace NeuroNav.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class NeuronPageTests(BrowserSite site)
{
    private JsonElement Neuroscope(string apiPath) =>
        site.ReadJson(apiPath).GetProperty("neuroscope");

    [ChromiumFact]
    public async Task Heatmap_colours_tokens_and_shows_each_value_on_hover()
    {
        var (page, errors) = await site.OpenAsync("gpt2-small/0/5.html");
        var text = Neuroscope("api/gpt2-small/0/5.json").GetProperty("texts")[0];
        var start = text.GetProperty("truncated").GetProperty("start").GetInt32();
        var maxIndex = text.GetProperty("max_activating_token_index").GetInt32();

        var max = page.Locator("#text-0 div.hm:not(.full-text) span.mx");
        await max.HoverAsync();

        Assert.Equal(text.GetProperty("values")[maxIndex].GetSingle(), float.Parse((await max.GetAttributeAsync("title"))!, CultureInfo.InvariantCulture));
        var outline = await max.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.Equal("solid", outline);
        var background = await max.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.StartsWith("rgba(220, 38, 38", background, StringComparison.Ordinal);
        var spans = await page.Locator("#text-0 div.hm:not(.full-text) > span").CountAsync();
        Assert.Equal(text.GetProperty("truncated").GetProperty("end").GetInt32() - start, spans);
        PageErrors.None(errors);
    }

    [ChromiumFact]
    public async Task Show_full_text_loads_every_token_from_the_neuron_json()
    {
        var (page, errors) = await site.OpenAsync("gpt2-small/3/2.html");
        var tokens = Neuroscope("api/gpt2-small/3/2.json").GetProperty("texts")[1].GetProperty("tokens").GetArrayLength();

        var button = page.Locator("button.full[data-text='1']");
        await button.ClickAsync();
        var full = page.Locator("div.full-text[data-text='1']");
        await full.Locator("span").First.WaitForAsync();

        Assert.Equal(tokens, await full.Locator("span").CountAsync());
        Assert.True(await full.IsVisibleAsync());
        Assert.Equal("Hide full text", await button.TextContentAsync());
        Assert.Equal(1, await full.Locator("span.mx").CountAsync());
        PageErrors.None(errors);
    }

    [ChromiumFact]
    public async Task Copy_as_python_snippet_names_the_absolute_json_url()
    {
        var (page, errors) = await site.OpenAsync("gpt2-small/0/5.html");

        var snippet = await page.Locator("#python-snippet").TextContentAsync();

        Assert.Equal($"import requests\n\ndoc = requests.get(\"{new Uri(site.BaseAddress, "api/gpt2-small/0/5.json")}\").json()", snippet);
        Assert.True(await page.Locator("#copy-python").IsVisibleAsync());
        PageErrors.None(errors);
    }
}
