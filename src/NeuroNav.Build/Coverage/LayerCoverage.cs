using NeuroNav.Build.Sources;
using NeuroNav.Core;

namespace NeuroNav.Build.Coverage;

/// <summary>
/// What became of one source's latest attempt at one neuron, as the neuron document (<c>metadata.coverage</c>) and page
/// show it. <see cref="Status"/> is <c>present</c>, <c>missing_upstream</c>, <c>failed</c>, <c>invalid</c> or
/// <c>not_attempted</c>; <see cref="Reason"/> and <see cref="Url"/> are the coverage row's.
/// </summary>
public sealed record SourceCoverage(SourceInfo Source, string Status, string? Reason, string? Url)
{
    public const string NotAttempted = "not_attempted";

    /// <summary>What the neuron page calls the source when it says why the source has no data (<see cref="SourceContributions.Status"/>).</summary>
    public string Label { get; init; } = Source == SourceInfo.Neuroscope ? "Neuroscope" : Source.AvailableLabel;

    /// <summary>The source has the neuron's data.</summary>
    public bool IsPresent => Status == Name(CoverageStatus.Present);

    public static string Name(CoverageStatus status) => status switch
    {
        CoverageStatus.Present => "present",
        CoverageStatus.MissingUpstream => "missing_upstream",
        CoverageStatus.Failed => "failed",
        CoverageStatus.Invalid => "invalid",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown coverage status"),
    };
}

/// <summary>
/// The newest coverage row of each (neuron, source) of one layer, held while the layer renders (about 100 bytes per row:
/// 2 MB for a gpt2-xl layer with all three sources).
/// </summary>
internal sealed class LayerCoverage
{
    private readonly Dictionary<(int Neuron, string Source), CoverageRow> _rows;

    private LayerCoverage(Dictionary<(int, string), CoverageRow> rows) => _rows = rows;

    public static readonly LayerCoverage None = new([]);

    public static LayerCoverage Of(IEnumerable<CoverageRow> rows)
    {
        var newest = new Dictionary<(int, string), CoverageRow>();
        foreach (var row in rows)
        {
            var key = (row.Neuron, row.Source);
            if (!newest.TryGetValue(key, out var seen) || row.AttemptedAt >= seen.AttemptedAt)
            {
                newest[key] = row;
            }
        }

        return new LayerCoverage(newest);
    }

    /// <summary>
    /// Every source's status for <paramref name="neuron"/>, Neuroscope first, then <paramref name="sources"/> in document
    /// order: its newest coverage row's, or, without a row, <c>present</c> where the build has its data and
    /// <c>not_attempted</c> elsewhere.
    /// </summary>
    public IReadOnlyList<SourceCoverage> For(int neuron, bool neuroscope, IReadOnlyList<NeuronSection> sections, SourceSet sources)
    {
        var statuses = new SourceCoverage[sources.Coverage.Count];
        for (var i = 0; i < statuses.Length; i++)
        {
            var source = sources.Coverage[i];
            var label = sources.Module(source)?.Contributions.Status;
            if (_rows.TryGetValue((neuron, source.Id), out var row))
            {
                statuses[i] = Labelled(new SourceCoverage(source, SourceCoverage.Name(row.Status), row.Reason, row.Url), label);
                continue;
            }

            var held = source == SourceInfo.Neuroscope ? neuroscope : sections.Any(s => s.Source == source);
            statuses[i] = Labelled(new SourceCoverage(source, held ? SourceCoverage.Name(CoverageStatus.Present) : SourceCoverage.NotAttempted, null, null), label);
        }

        return statuses;
    }

    private static SourceCoverage Labelled(SourceCoverage coverage, string? label) => label is null ? coverage : coverage with { Label = label };
}
