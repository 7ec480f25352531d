using F23.StringSimilarity;

namespace NeuroNav.Cli.Errors;

/// <summary>"Did you mean": the known name closest to a mistyped one, by edit distance with swaps of neighbours.</summary>
public static class Suggestions
{
    private static readonly OptimalStringAlignment Edits = new();

    /// <summary>The closest of <paramref name="known"/> to <paramref name="typed"/>, when it is close enough to be the one meant.</summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = double.MaxValue;
        foreach (var name in known)
        {
            var distance = Edits.Distance(typed, name);
            var close = distance <= Math.Max(1, Math.Min(typed.Length, name.Length) / 4)
                || (typed.Length >= 4 && name.StartsWith(typed, StringComparison.Ordinal));
            if (close && distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best;
    }
}
