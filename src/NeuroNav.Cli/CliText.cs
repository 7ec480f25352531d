using System.Globalization;
using Spectre.Console.Cli;

namespace NeuroNav.Cli;

/// <summary>How the verbs write what they print: counts, and the command line a lock names to a second writer.</summary>
internal static class CliText
{
    /// <summary>A count with thousands separators, culture-invariant: 1,234,567.</summary>
    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The command line as typed, e.g. <c>neuronav compact --corpus corpus</c>.</summary>
    public static string CommandLine(CommandContext context) => "neuronav " + string.Join(' ', context.Arguments);
}
