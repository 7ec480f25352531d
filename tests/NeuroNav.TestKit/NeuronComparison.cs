using NeuroNav.Core;

namespace NeuroNav.TestKit;

/// <summary>Compares parsed Neuroscope neurons field by field; NaN equals NaN, and each difference is a readable line.</summary>
public static class NeuronComparison
{
    /// <summary>
    /// Every difference between <paramref name="expected"/> and <paramref name="actual"/>. Provenance is compared by
    /// sha256 and size only (URLs and fetch times depend on the run), and only when the expected one has a hash.
    /// </summary>
    public static IReadOnlyList<string> Differences(NeuroscopeNeuron expected, NeuroscopeNeuron actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var diffs = new List<string>();
        var at = expected.Id.ToString();
        Check(expected.Id == actual.Id, $"{at}: id {actual.Id}");
        Check(expected.MaxRange.Equals(actual.MaxRange), $"{at}: MaxRange {expected.MaxRange:R} ≠ {actual.MaxRange:R}");
        Check(expected.MinRange.Equals(actual.MinRange), $"{at}: MinRange {expected.MinRange:R} ≠ {actual.MinRange:R}");
        Check(expected.CircuitsVisVersion == actual.CircuitsVisVersion, $"{at}: CircuitsVisVersion '{expected.CircuitsVisVersion}' ≠ '{actual.CircuitsVisVersion}'");
        if (expected.Provenance.Sha256.Length > 0)
        {
            Check(expected.Provenance.Sha256 == actual.Provenance.Sha256, $"{at}: sha256 {expected.Provenance.Sha256} ≠ {actual.Provenance.Sha256}");
            Check(expected.Provenance.Bytes == actual.Provenance.Bytes, $"{at}: bytes {expected.Provenance.Bytes} ≠ {actual.Provenance.Bytes}");
        }

        Check(expected.Texts.Count == actual.Texts.Count, $"{at}: {expected.Texts.Count} texts ≠ {actual.Texts.Count}");
        for (var i = 0; i < Math.Min(expected.Texts.Count, actual.Texts.Count); i++)
        {
            var e = expected.Texts[i];
            var a = actual.Texts[i];
            var t = $"{at} text #{i}";
            Check(e.Index == a.Index, $"{t}: Index {a.Index}");
            Check(e.MaxActivation.Equals(a.MaxActivation), $"{t}: MaxActivation {e.MaxActivation:R} ≠ {a.MaxActivation:R}");
            Check(e.MinActivation.Equals(a.MinActivation), $"{t}: MinActivation {e.MinActivation:R} ≠ {a.MinActivation:R}");
            Check(e.DataIndex == a.DataIndex, $"{t}: DataIndex {e.DataIndex} ≠ {a.DataIndex}");
            Check(e.Dataset == a.Dataset, $"{t}: Dataset '{e.Dataset}' ≠ '{a.Dataset}'");
            Check(e.MaxTokenIndex == a.MaxTokenIndex, $"{t}: MaxTokenIndex {e.MaxTokenIndex} ≠ {a.MaxTokenIndex}");
            Check(e.Tokens.AsSpan().SequenceEqual(a.Tokens), $"{t}: tokens differ ({FirstDifference(e.Tokens, a.Tokens)})");
            Check(e.Values.Length == a.Values.Length && e.Values.Select((v, j) => v.Equals(a.Values[j])).All(x => x),
                $"{t}: values differ ({FirstDifference(e.Values, a.Values)})");
        }

        return diffs;

        void Check(bool ok, string message)
        {
            if (!ok)
            {
                diffs.Add(message);
            }
        }
    }

    private static string FirstDifference<T>(T[] expected, T[] actual)
    {
        for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
        {
            if (!Equals(expected[i], actual[i]))
            {
                return $"first at {i}: '{expected[i]}' ≠ '{actual[i]}'";
            }
        }

        return $"lengths {expected.Length} ≠ {actual.Length}";
    }
}
