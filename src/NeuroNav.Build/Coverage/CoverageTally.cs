using NeuroNav.Build.Api;
using NeuroNav.Build.Pages;
using NeuroNav.Core;

namespace NeuroNav.Build.Coverage;

/// <summary>
/// Counts of the coverage registry per source of the build (Neuroscope, then the section sources in document order), out
/// of an expected number of neurons per source.
/// </summary>
internal sealed class CoverageTally
{
    private static readonly int StatusCount = Enum.GetValues<CoverageStatus>().Length;
    private readonly IReadOnlyList<SourceInfo> _sources;
    private readonly long[,] _counts;
    private readonly List<int> _missingNeuroscope = [];

    public CoverageTally(IReadOnlyList<SourceInfo> sources, long expected)
    {
        _sources = sources;
        _counts = new long[sources.Count, StatusCount];
        Expected = expected;
    }

    public long Expected { get; private set; }

    /// <summary>The tally of one layer's coverage rows; rows of sources the build does not have are not counted.</summary>
    public static CoverageTally ForLayer(IReadOnlyList<SourceInfo> sources, ModelInfo model, int layer, IReadOnlyList<CoverageRow> rows)
    {
        var tally = new CoverageTally(sources, model.NeuronsPerLayer);
        foreach (var row in rows)
        {
            if (row.Model != model.Id || row.Layer != layer || !model.HasNeuron(layer, row.Neuron))
            {
                throw new BuildException($"coverage of {model.Id}/{layer} holds a row for {row.Id}, which is not a neuron of that layer");
            }

            var source = tally.IndexOf(row.Source);
            if (source >= 0)
            {
                tally._counts[source, (int)row.Status]++;
                if (row.Status == CoverageStatus.MissingUpstream && row.Source == SourceInfo.Neuroscope.Id)
                {
                    tally._missingNeuroscope.Add(row.Neuron);
                }
            }
        }

        foreach (var source in sources)
        {
            if (tally.Count(source, CoverageStatus.Present) + tally.Count(source, CoverageStatus.MissingUpstream)
                + tally.Count(source, CoverageStatus.Failed) + tally.Count(source, CoverageStatus.Invalid) > tally.Expected)
            {
                throw new BuildException($"coverage of {model.Id}/{layer} has more rows for '{source.Id}' than the layer has neurons: rows are not one per neuron");
            }
        }

        return tally;
    }

    /// <summary>A layer's tally from published counts: <paramref name="counts"/> gives (present, missing upstream, failed, invalid) of a source id, or null for none.</summary>
    public static CoverageTally FromCounts(IReadOnlyList<SourceInfo> sources, long expected, Func<string, (long Present, long MissingUpstream, long Failed, long Invalid)?> counts)
    {
        var tally = new CoverageTally(sources, expected);
        for (var s = 0; s < sources.Count; s++)
        {
            if (counts(sources[s].Id) is { } c)
            {
                (tally._counts[s, (int)CoverageStatus.Present], tally._counts[s, (int)CoverageStatus.MissingUpstream]) = (c.Present, c.MissingUpstream);
                (tally._counts[s, (int)CoverageStatus.Failed], tally._counts[s, (int)CoverageStatus.Invalid]) = (c.Failed, c.Invalid);
            }
        }

        return tally;
    }

    /// <summary>The neurons of a single layer's tally that neuroscope.io answered 404 for, ascending (at most one layer's neurons).</summary>
    public IReadOnlyList<int> MissingUpstreamNeuroscope => [.. _missingNeuroscope.Order()];

    /// <summary>Some source has data for some neuron.</summary>
    public bool HasPresent => _sources.Any(s => Count(s, CoverageStatus.Present) > 0);

    public long Count(SourceInfo source, CoverageStatus status) => _counts[IndexOf(source.Id), (int)status];

    /// <summary>Adds <paramref name="other"/> (another layer) to this tally.</summary>
    public void Add(CoverageTally other)
    {
        Expected += other.Expected;
        for (var s = 0; s < _counts.GetLength(0); s++)
        {
            for (var c = 0; c < StatusCount; c++)
            {
                _counts[s, c] += other._counts[s, c];
            }
        }
    }

    public IReadOnlyList<CoverageCounts> ToCounts() =>
        [.. _sources.Select(s => new CoverageCounts(
            s.Id,
            Expected,
            Count(s, CoverageStatus.Present),
            Count(s, CoverageStatus.MissingUpstream),
            Count(s, CoverageStatus.Failed),
            Count(s, CoverageStatus.Invalid)) { Info = s })];

    public CoverageMapDoc ToDoc() =>
        new([.. ToCounts().Select(c => (c.Source, new CoverageDoc(c.Expected, c.Present, c.MissingUpstream, c.Failed, c.Invalid, c.NotAttempted)))]);

    private int IndexOf(string sourceId)
    {
        for (var i = 0; i < _sources.Count; i++)
        {
            if (_sources[i].Id == sourceId)
            {
                return i;
            }
        }

        return -1;
    }
}
