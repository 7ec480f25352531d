using System.ComponentModel;
using NeuroNav.Core;
using NeuroNav.Fetch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class CatalogSettings : CommandSettings
{
    [CommandOption("--base-url <URL>")]
    [Description("Root of the Neuroscope site whose index to compare.")]
    [DefaultValue("https://neuroscope.io/")]
    public string BaseUrl { get; init; } = "https://neuroscope.io/";

    public override ValidationResult Validate() =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--base-url: '{BaseUrl}' is not an http(s) URL");
}

[Description("Compare neuroscope.io's models table with NeuroNav's catalog (content/models.csv).")]
public sealed class CatalogCommand(IAnsiConsole console, ModelCatalog catalog) : AsyncCommand<CatalogSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CatalogSettings settings, CancellationToken cancellationToken)
    {
        var baseUrl = new Uri(settings.BaseUrl.EndsWith('/') ? settings.BaseUrl : settings.BaseUrl + "/");
        var differences = await CatalogCheck.RunAsync(console, catalog, new FetchOptions { BaseUrl = baseUrl }, cancellationToken);
        return (int)(differences switch
        {
            0 => ExitCode.Success,
            < 0 => ExitCode.Aborted,
            _ => ExitCode.CompletedWithFailures,
        });
    }
}
