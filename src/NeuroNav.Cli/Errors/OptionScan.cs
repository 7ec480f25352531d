using System.Reflection;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Errors;

/// <summary>
/// Finds what a verb's command line has that the verb does not take: an unknown option (with the closest known
/// one, when one is close) or a stray argument. Spectre's strict parsing refuses both; this names them for the user.
/// </summary>
public static class OptionScan
{
    /// <summary>The first problem of <paramref name="args"/> (the verb first) for the verb's <paramref name="command"/> type; null when there is none.</summary>
    public static string? FirstProblem(IReadOnlyList<string> args, Type command)
    {
        var options = OptionsOf(command);
        var verb = args[0];
        var positional = SettingsOf(command)?.GetProperties().Count(p => p.GetCustomAttribute<CommandArgumentAttribute>() is not null) ?? 0;
        for (var i = 1; i < args.Count; i++)
        {
            var token = args[i];
            if (token is "-h" or "--help" or "-?" || (i <= positional && !token.StartsWith('-')))
            {
                continue;
            }

            if (!token.StartsWith('-') || token.Length == 1)
            {
                return $"{verb}: unexpected argument '{token}'; every value follows its option (see below)";
            }

            var name = token.Split(['=', ':'], 2)[0];
            var option = options.FirstOrDefault(o => o.Names.Contains(name, StringComparer.Ordinal));
            if (option is null)
            {
                var suggestion = Suggestions.Closest(name, options.SelectMany(o => o.Names).Where(n => n.StartsWith("--", StringComparison.Ordinal)));
                return suggestion is null
                    ? $"{verb}: unknown option {name}"
                    : $"{verb}: unknown option {name}; did you mean {suggestion}?";
            }

            if (option.TakesValue && name.Length == token.Length)
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>The options of <paramref name="command"/>'s settings, with their dashes ("--model", "-m").</summary>
    public static IReadOnlyList<OptionName> OptionsOf(Type command)
    {
        var settings = SettingsOf(command);
        if (settings is null)
        {
            return [];
        }

        return
        [
            .. settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
                .OfType<CommandOptionAttribute>()
                .Select(a => new OptionName(
                    [.. a.LongNames.Select(n => "--" + n), .. a.ShortNames.Select(n => "-" + n)],
                    a.ValueName is not null)),
        ];
    }

    private static Type? SettingsOf(Type command)
    {
        for (var type = command; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments() is [var settings] && typeof(CommandSettings).IsAssignableFrom(settings))
            {
                return settings;
            }
        }

        return null;
    }
}

/// <summary>One option of a verb: its spellings and whether a value follows it.</summary>
public sealed record OptionName(IReadOnlyList<string> Names, bool TakesValue);
