using System.Text.RegularExpressions;

namespace NeuroNav.Fetch.Tests.Neuroscope;

/// <summary>String edits that turn a generator-exact page into a variant the generator never writes.</summary>
internal static partial class PageEdits
{
    /// <summary>Replaces the first occurrence of <paramref name="old"/> after <paramref name="anchor"/>; both must be present.</summary>
    public static string ReplaceAfter(string page, string anchor, string old, string replacement)
    {
        var from = page.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(from >= 0, $"anchor '{anchor}' is not in the page");
        var at = page.IndexOf(old, from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' is not in the page after '{anchor}'");
        return page[..at] + replacement + page[(at + old.Length)..];
    }

    /// <summary>Replaces the successive occurrences of <paramref name="old"/> by <paramref name="replacements"/>, one each, in order.</summary>
    public static string ReplaceInOrder(string page, string old, params string[] replacements)
    {
        var at = 0;
        foreach (var replacement in replacements)
        {
            at = page.IndexOf(old, at, StringComparison.Ordinal);
            Assert.True(at >= 0, $"fewer than {replacements.Length} occurrences of '{old}'");
            page = page[..at] + replacement + page[(at + old.Length)..];
            at += replacement.Length;
        }

        return page;
    }

    /// <summary>Prints <paramref name="values"/> (verbatim) as the values of every render of the page.</summary>
    public static string ReplaceValues(string page, string values)
    {
        var edited = ValuesList().Replace(page, $"\"values\": [{values}]");
        Assert.NotEqual(page, edited);
        return edited;
    }

    [GeneratedRegex("\"values\": \\[[^\\]]*\\]")]
    private static partial Regex ValuesList();
}
