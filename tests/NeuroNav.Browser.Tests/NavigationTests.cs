using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NeuroNav.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class NavigationTests(BrowserSite site)
{
    [ChromiumFact]
    public async Task Random_neuron_of_a_layer_opens_an_existing_neuron_page_of_that_layer()
    {
        var (page, errors) = await site.OpenAsync("gpt2-small/3/index.html");

        await PageReady.FollowAsync(page, () => page.Locator("button[data-random]").ClickAsync(), LayerNeuron());

        Assert.Matches(@"^gpt2-small · layer 3 · neuron \d+$", await page.Locator("h1").TextContentAsync());
        PageErrors.None(errors);
    }

    [ChromiumFact]
    public async Task Random_neuron_of_a_model_opens_a_neuron_page_of_that_model()
    {
        var (page, errors) = await site.OpenAsync("gpt2-small/index.html");

        await PageReady.FollowAsync(page, () => page.Locator("button[data-random]").ClickAsync(), ModelNeuron());

        Assert.StartsWith("gpt2-small · layer ", await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        PageErrors.None(errors);
    }

    [ChromiumFact]
    public async Task Jump_box_opens_a_neuron_and_names_one_the_archive_lacks()
    {
        var (page, errors) = await site.OpenAsync("gpt2-small/index.html");
        var input = page.Locator("form.jump input[name=target]");

        await input.FillAsync("3/999");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".jump-error")).ToHaveTextAsync("This archive has no neuron gpt2-small/3/999");
        await input.FillAsync("3/7");
        await PageReady.FollowAsync(page, () => input.PressAsync("Enter"), "**/gpt2-small/3/7.html");

        Assert.Equal("gpt2-small · layer 3 · neuron 7", await page.Locator("h1").TextContentAsync());
        Assert.DoesNotContain(errors, e => !e.Contains("404", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Index_jump_box_takes_model_layer_and_neuron()
    {
        var (page, _) = await site.OpenAsync("index.html");

        await page.Locator("form.jump input[name=target]").FillAsync("solu-1l/0/2");
        await PageReady.FollowAsync(page, () => page.Locator("form.jump button").ClickAsync(), "**/solu-1l/0/2.html");
    }

    [ChromiumFact]
    public async Task Keys_go_to_the_next_and_previous_neuron_and_layer()
    {
        var (page, errors) = await site.OpenAsync("gpt2-small/0/5.html");

        await PageReady.FollowAsync(page, () => page.Keyboard.PressAsync("j"), "**/gpt2-small/0/6.html");
        await PageReady.FollowAsync(page, () => page.Keyboard.PressAsync("ArrowLeft"), "**/gpt2-small/0/5.html");
        await PageReady.FollowAsync(page, () => page.Keyboard.PressAsync("]"), "**/gpt2-small/3/5.html");

        Assert.Equal("gpt2-small · layer 3 · neuron 5", await page.Locator("h1").TextContentAsync());
        PageErrors.None(errors);
    }

    [ChromiumFact]
    public async Task Link_to_a_layer_without_the_neuron_is_hidden()
    {
        var (page, _) = await site.OpenAsync("gpt2-small/0/37.html");

        // nav.js says it is ready only once the layer links are checked: no waiting for the link to change.
        Assert.True(await page.Locator("a[data-nav=next-layer]").IsHiddenAsync());
    }

    [GeneratedRegex(@"/gpt2-small/3/\d+\.html$")]
    private static partial Regex LayerNeuron();

    [GeneratedRegex(@"/gpt2-small/(0|3)/\d+\.html$")]
    private static partial Regex ModelNeuron();
}
