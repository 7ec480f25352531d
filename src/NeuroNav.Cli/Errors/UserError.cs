using System.Text.RegularExpressions;
using Amazon.Runtime;
using NeuroNav.Core;
using NeuroNav.Fetch.Http;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Errors;

/// <summary>
/// What the user reads when a verb fails: one line that names the option, file, URL or setting and what to do, the
/// exit code, and the verb whose usage follows (for a command line that does not parse). No runtime or SDK text.
/// </summary>
/// <param name="Code">The process's exit code.</param>
/// <param name="Kind">"error", "unreachable", "aborted" or "cancelled".</param>
/// <param name="Message">One line.</param>
/// <param name="UsageOf">The verb whose usage to print after the message, if any.</param>
public sealed partial record UserError(ExitCode Code, string Kind, string Message, string? UsageOf = null)
{
    public static UserError From(Exception e, IReadOnlyList<string> args, IReadOnlyDictionary<string, Type> verbs)
    {
        var verb = args.Count > 0 && verbs.ContainsKey(args[0]) ? args[0] : null;
        return e switch
        {
            CommandParseException when verb is not null =>
                new(ExitCode.BadArguments, "error", OptionScan.FirstProblem(args, verbs[verb]) ?? $"{verb}: {OneLine(e.Message)}", verb),
            CommandParseException when args.Count > 0 && !args[0].StartsWith('-') =>
                new(ExitCode.BadArguments, "error", UnknownVerb(args[0], verbs.Keys)),
            CommandParseException or CommandRuntimeException => Bad(e.Message),
            SourceUnreachableException => new(ExitCode.SourceUnreachable, "unreachable", OneLine(e.Message)),
            ArgumentException a => Bad(WithoutParameter(a)),
            CatalogException when e.Message.StartsWith("unknown model", StringComparison.Ordinal) => Bad("--model: " + e.Message),
            CatalogException => Bad(e.Message),
            OperationCanceledException => new(ExitCode.Cancelled, "cancelled", "stopped; everything finished so far is kept"),
            UnauthorizedAccessException => Aborted(PermissionDenied(e.Message)),
            AmazonClientException => Bad(Storage(e)),
            _ => Aborted(OneLine(e.Message)),
        };

        UserError Bad(string message) => new(ExitCode.BadArguments, "error", OneLine(message));
        UserError Aborted(string message) => new(ExitCode.Aborted, "aborted", message);
    }

    /// <summary>The first line of <paramref name="message"/>: runtime messages sometimes carry more.</summary>
    public static string OneLine(string message)
    {
        var line = message.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).TrimEnd().ToString();
    }

    private static string UnknownVerb(string typed, IEnumerable<string> verbs) =>
        Suggestions.Closest(typed, verbs) is { } close
            ? $"unknown verb '{typed}'; did you mean {close}? (neuronav --help lists them)"
            : $"unknown verb '{typed}'; neuronav --help lists them";

    private static string WithoutParameter(ArgumentException e)
    {
        var suffix = e.ParamName is null ? null : $" (Parameter '{e.ParamName}')";
        return suffix is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }

    private static string PermissionDenied(string message) =>
        QuotedPath().Match(message) is { Success: true } m
            ? $"permission denied: {m.Groups[1].Value} cannot be read or written by this user; give a folder it can use, or fix its permissions"
            : $"permission denied: {OneLine(message)}";

    private static string Storage(Exception e) =>
        e.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase)
            ? "publish: no credentials for the bucket; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE), and for a store other than AWS also --endpoint or AWS_ENDPOINT_URL_S3"
            : $"publish: the object store refused: {OneLine(e.Message)}";

    [GeneratedRegex("'([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedPath();
}
