using NeuroNav.Core;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Neuroscope;
using Spectre.Console;

namespace NeuroNav.Cli;

/// <summary>Fetches neuroscope.io's main index and reports where its models table and the catalog disagree.</summary>
public static class CatalogCheck
{
    /// <summary>Returns the number of disagreements, or -1 when the index could not be fetched or parsed.</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, ModelCatalog catalog, FetchOptions options, CancellationToken ct)
    {
        var url = options.BaseUrl;
        string html;
        try
        {
            html = await MainIndexFetcher.GetAsync(options, ct);
        }
        catch (SourceFetchException e)
        {
            console.MarkupLineInterpolated($"[yellow]Could not fetch the main index {url}: {e.Message}[/]");
            return -1;
        }

        IReadOnlyList<IndexRow> rows;
        try
        {
            rows = MainIndexParser.Parse(html, url.ToString());
        }
        catch (FormatException e)
        {
            console.MarkupLineInterpolated($"[yellow]{e.Message}[/]");
            return -1;
        }

        var differences = MainIndexParser.Compare(catalog, rows);
        if (differences.Count == 0)
        {
            console.MarkupLineInterpolated($"Main index {url}: {rows.Count} models, all agree with the catalog.");
        }
        else
        {
            console.MarkupLineInterpolated($"[yellow]Main index {url} and the catalog disagree in {differences.Count} place(s):[/]");
            foreach (var d in differences)
            {
                console.MarkupLineInterpolated($"  - {d}");
            }
        }

        return differences.Count;
    }
}
