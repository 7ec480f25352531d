using Microsoft.Playwright;

namespace NeuroNav.Browser.Tests;

/// <summary>
/// Waits for a page's own signal, never for time: every site script adds its name to <c>&lt;html data-ready&gt;</c> once
/// its handlers are installed and its start-up fetches are done, so a key press or click cannot race them.
/// </summary>
internal static class PageReady
{
    private const string EveryScriptReady =
        "() => (document.documentElement.getAttribute('data-ready') || '').split(' ').filter(Boolean).length >= document.querySelectorAll('script[src]').length";

    public static async Task WaitAsync(IPage page) => await page.WaitForFunctionAsync(EveryScriptReady);

    /// <summary>Navigates to <paramref name="url"/> and waits until the page is ready; returns the response.</summary>
    public static async Task<IResponse?> GotoAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        await WaitAsync(page);
        return response;
    }

    /// <summary>Runs <paramref name="action"/> (a key press, a click) that leaves the page and waits until the next page at <paramref name="url"/> is ready.</summary>
    public static async Task FollowAsync(IPage page, Func<Task> action, string url)
    {
        await action();
        await page.WaitForURLAsync(url);
        await WaitAsync(page);
    }
}
