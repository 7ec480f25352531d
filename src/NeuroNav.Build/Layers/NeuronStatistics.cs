using NeuroNav.Build.Api;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;
using NeuroNav.Build.Stats;
using NeuroNav.Core;

namespace NeuroNav.Build.Layers;

/// <summary>
/// A neuron's headline numbers: the largest Max Act over its texts, its colour range, its text count and the
/// statistics of its stored examples (<see cref="ActivationStatistics"/>).
/// </summary>
internal readonly record struct NeuronStatistics(float? MaxActivation, double? MaxRange, int Texts, ActivationStatistics Activations)
{
    public static readonly IReadOnlyList<string> NeuroscopeOnly = [SourceInfo.Neuroscope.AvailableLabel];

    /// <summary>The numbers of a neuron Neuroscope does not hold: none.</summary>
    public static readonly NeuronStatistics None = new(null, null, 0, ActivationStatistics.Empty);

    public static NeuronStatistics Of(NeuroscopeNeuron? neuron)
    {
        if (neuron is null)
        {
            return None;
        }

        float? max = null;
        foreach (var text in neuron.Texts)
        {
            if (float.IsFinite(text.MaxActivation) && (max is null || text.MaxActivation > max))
            {
                max = text.MaxActivation;
            }
        }

        return new NeuronStatistics(max, JsonOutput.Finite(neuron.MaxRange), neuron.Texts.Count, ActivationStatistics.Of(neuron.Texts));
    }

    /// <summary>
    /// The neuron's listing row, with its value in each of <paramref name="columns"/> from the other sources'
    /// <paramref name="sections"/>; <paramref name="neuroscope"/> says whether Neuroscope holds it.
    /// </summary>
    public NeuronSummary ToSummary(int neuron, bool neuroscope, IReadOnlyList<NeuronSection> sections, IReadOnlyList<SourceColumn> columns)
    {
        var cells = new ColumnCell[columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var column = columns[i];
            var section = sections.FirstOrDefault(s => s.Source == column.Source)?.Data;
            cells[i] = new ColumnCell(column, section is null ? ColumnValue.None : column.Value(section));
        }

        var available = neuroscope && sections.Count == 0 ? NeuroscopeOnly : NeuronSections.Available(neuroscope, sections);
        return new(neuron, available, MaxActivation, MaxRange) { Statistics = Activations, Columns = cells };
    }
}
