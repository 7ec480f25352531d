using System.Text.RegularExpressions;
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

    /// <summary>
    /// Runs <paramref name="action"/> (a key press, a click) that leaves the page and waits until the next page, at a URL
    /// matching the glob <paramref name="url"/> (<c>**</c> any characters, <c>*</c> any but <c>/</c>), is ready.
    /// </summary>
    public static Task FollowAsync(IPage page, Func<Task> action, string url) =>
        FollowAsync(page, action, new Regex("^" + Regex.Escape(url).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$"));

    /// <inheritdoc cref="FollowAsync(IPage, Func{Task}, string)"/>
    public static async Task FollowAsync(IPage page, Func<Task> action, Regex url)
    {
        await action();
        try
        {
            // Not WaitForURLAsync: on a loaded machine it can miss a navigation that has already happened (seen: the page
            // at 6.html and ready while it still waited for 6.html). The assertion polls the frame's URL until it matches.
            await Assertions.Expect(page).ToHaveURLAsync(url);
        }
        catch (PlaywrightException e)
        {
            // Say where the page is stuck: the URL, which scripts said they were ready, what a failed random draw wrote.
            var state = await page.EvaluateAsync<string>(
                "() => location.href + ' ready=[' + (document.documentElement.getAttribute('data-ready') || '') + '] ' +" +
                " [...document.querySelectorAll('button[data-random]')].map(b => 'random(disabled=' + b.disabled + ', title=' + b.title + ')').join(' ')");
            throw new TimeoutException($"no navigation to {url}; the page is at {state}", e);
        }

        await WaitAsync(page);
    }
}
