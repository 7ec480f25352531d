using System.Globalization;
using Spectre.Console;

namespace NeuroNav.Cli;

/// <summary>
/// The console the verbs write to. On a terminal it is as wide as the window; piped or redirected, it is as wide as
/// <c>COLUMNS</c> says, else wide enough never to wrap, so a log or a pipe keeps one message per line.
/// </summary>
public static class OutputConsole
{
    /// <summary>Wide enough for any one line NeuroNav prints (a problem naming a long path and its reason).</summary>
    public const int Unwrapped = 8192;

    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings());
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = WidthOf(Environment.GetEnvironmentVariable("COLUMNS"));
        }

        return console;
    }

    /// <summary>The width for redirected output: a positive <c>COLUMNS</c>, else <see cref="Unwrapped"/>.</summary>
    public static int WidthOf(string? columns) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width > 0 ? width : Unwrapped;
}
