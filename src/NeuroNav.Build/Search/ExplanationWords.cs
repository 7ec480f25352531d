using System.Text;

namespace NeuroNav.Build.Search;

/// <summary>
/// How explanations and queries are cut into words for the explanation search (explanations.js does the same):
/// lower-cased runs of letters and digits of at least two characters, minus a few English function words. A word lives in
/// the shard named by its first two characters, each kept when it is a-z or 0-9 and written '_' otherwise.
/// </summary>
public static class ExplanationWords
{
    public const int MinLength = 2;

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "with",
    };

    /// <summary>The distinct words of <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length >= MinLength)
            {
                var w = word.ToString();
                if (!Stop.Contains(w) && seen.Add(w))
                {
                    words.Add(w);
                }
            }

            word.Clear();
        }

        return words;
    }

    /// <summary>The shard of a word of at least <see cref="MinLength"/> characters: <c>"cat"</c> → <c>"ca"</c>, <c>"éa"</c> → <c>"_a"</c>.</summary>
    public static string ShardOf(string word) => string.Concat(word.AsSpan(0, MinLength).ToArray().Select(c => IsPlain(c) ? c : '_'));

    private static bool IsPlain(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
