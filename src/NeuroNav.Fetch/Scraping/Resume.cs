using NeuroNav.Core;

namespace NeuroNav.Fetch.Scraping;

/// <summary>
/// The resume rule of every source, in one place: a neuron is settled, and a run without
/// <see cref="FetchOptions.Refresh"/> leaves it alone, when the corpus holds its data or the newest coverage row of
/// the source says Present, MissingUpstream or Invalid. A Failed neuron, or one never tried, is fetched.
/// </summary>
internal static class Resume
{
    /// <summary>The neurons of <paramref name="candidates"/> (ascending) that are not settled for <paramref name="source"/>, in order.</summary>
    /// <param name="coverage">Coverage rows of the layer; of several rows of one neuron the latest attempt counts, rows of other sources are ignored.</param>
    /// <param name="held">The neurons whose data the corpus holds.</param>
    public static List<int> Todo(IReadOnlyList<int> candidates, string source, IEnumerable<CoverageRow> coverage, IReadOnlySet<int> held)
    {
        var newest = new Dictionary<int, CoverageRow>();
        foreach (var row in coverage)
        {
            if (row.Source == source && (!newest.TryGetValue(row.Neuron, out var seen) || row.AttemptedAt >= seen.AttemptedAt))
            {
                newest[row.Neuron] = row;
            }
        }

        return [.. candidates.Where(n => !held.Contains(n) && !(newest.TryGetValue(n, out var row) && row.Status != CoverageStatus.Failed))];
    }
}
