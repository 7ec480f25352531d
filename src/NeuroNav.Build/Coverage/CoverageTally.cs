using NeuroNav.Build.Api;
using NeuroNav.Build.Pages;
using NeuroNav.Core;

namespace NeuroNav.Build.Coverage;

/// <summary>Counts of the coverage registry per source, out of an expected number of neurons per source.</summary>
internal sealed class CoverageTally
{
    private static readonly int StatusCount = Enum.GetValues<CoverageStatus>().Length;
    private readonly long[,] _counts = new long[SourceInfo.All.Count, StatusCount];
    private readonly List<int> _missingNeuroscope = [];

    public CoverageTally(long expected) => Expected = expected;

    public long Expected { get; private set; }

    /// <summary>The tally of one layer's coverage rows; rows of sources NeuroNav does not know are not counted.</summary>
    public static CoverageTally ForLayer(ModelInfo model, int layer, IReadOnlyList<CoverageRow> rows)
    {
        var tally = new CoverageTally(model.NeuronsPerLayer);
        foreach (var row in rows)
        {
            if (row.Model != model.Id || row.Layer != layer || !model.HasNeuron(layer, row.Neuron))
            {
                throw new BuildException($"coverage of {model.Id}/{layer} holds a row for {row.Id}, which is not a neuron of that layer");
            }

            var source = IndexOf(row.Source);
            if (source >= 0)
            {
                tally._counts[source, (int)row.Status]++;
                if (row.Status == CoverageStatus.MissingUpstream && row.Source == SourceInfo.Neuroscope.Id)
                {
                    tally._missingNeuroscope.Add(row.Neuron);
                }
            }
        }

        foreach (var source in SourceInfo.All)
        {
            if (tally.Count(source, CoverageStatus.Present) + tally.Count(source, CoverageStatus.MissingUpstream)
                + tally.Count(source, CoverageStatus.Failed) + tally.Count(source, CoverageStatus.Invalid) > tally.Expected)
            {
                throw new BuildException($"coverage of {model.Id}/{layer} has more rows for '{source.Id}' than the layer has neurons: rows are not one per neuron");
            }
        }

        return tally;
    }

    /// <summary>The neurons of a single layer's tally that neuroscope.io answered 404 for, ascending (at most one layer's neurons).</summary>
    public IReadOnlyList<int> MissingUpstreamNeuroscope => [.. _missingNeuroscope.Order()];

    /// <summary>Some source has data for some neuron.</summary>
    public bool HasPresent => SourceInfo.All.Any(s => Count(s, CoverageStatus.Present) > 0);

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
        [.. SourceInfo.All.Select(s => new CoverageCounts(
            s.Id,
            Expected,
            Count(s, CoverageStatus.Present),
            Count(s, CoverageStatus.MissingUpstream),
            Count(s, CoverageStatus.Failed),
            Count(s, CoverageStatus.Invalid)))];

    public CoverageMapDoc ToDoc()
    {
        var c = ToCounts();
        return new CoverageMapDoc(Doc(c[0]), Doc(c[1]), Doc(c[2]));

        static CoverageDoc Doc(CoverageCounts c) => new(c.Expected, c.Present, c.MissingUpstream, c.Failed, c.Invalid, c.NotAttempted);
    }

    private static int IndexOf(string sourceId)
    {
        for (var i = 0; i < SourceInfo.All.Count; i++)
        {
            if (SourceInfo.All[i].Id == sourceId)
            {
                return i;
            }
        }

        return -1;
    }
}
