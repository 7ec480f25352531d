using System.Globalization;

namespace NeuroNav.Cli;

/// <summary>Parses range lists such as <c>0-3,7,10-12</c> (inclusive bounds) into sorted, distinct half-open ranges.</summary>
public static class IntRanges
{
    public static IReadOnlyList<(int Start, int End)> Parse(string text, string optionName)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', 1);
            var first = ParseInt(dash < 0 ? part : part[..dash], optionName);
            var last = dash < 0 ? first : ParseInt(part[(dash + 1)..], optionName);
            if (last < first)
            {
                throw new ArgumentException($"{optionName}: range '{part}' ends before it starts");
            }

            ranges.Add((first, last + 1));
        }

        if (ranges.Count == 0)
        {
            throw new ArgumentException($"{optionName}: empty range list");
        }

        ranges.Sort();
        var merged = new List<(int Start, int End)> { ranges[0] };
        foreach (var (start, end) in ranges.Skip(1))
        {
            var last = merged[^1];
            if (start <= last.End)
            {
                merged[^1] = (last.Start, Math.Max(last.End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }

    /// <summary>Bounded well below <see cref="int.MaxValue"/>, so a range's exclusive end cannot overflow.</summary>
    private const int Largest = 1 << 24;

    private static int ParseInt(string s, string optionName) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= Largest
            ? v
            : throw new ArgumentException($"{optionName}: '{s}' is not an integer from 0 to {Largest.ToString(CultureInfo.InvariantCulture)}");
}
