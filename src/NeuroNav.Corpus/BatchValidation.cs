using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>Checks a batch before anything is written, naming the offending neuron.</summary>
internal static class BatchValidation
{
    public static List<NeuroscopeNeuron> SortedNeurons(string model, int layer, IReadOnlyList<NeuroscopeNeuron> neurons)
    {
        var seen = new HashSet<int>();
        foreach (var n in neurons)
        {
            if (n.Id.Model != model || n.Id.Layer != layer)
            {
                throw new ArgumentException($"Neuron {n.Id} does not belong to the batch's partition {model}/{layer}.", nameof(neurons));
            }

            if (!seen.Add(n.Id.Neuron))
            {
                throw new ArgumentException($"Neuron {n.Id} appears twice in one batch.", nameof(neurons));
            }

            ArgumentOutOfRangeException.ThrowIfNegative(n.Id.Neuron, nameof(neurons));
            var indexes = new HashSet<int>();
            foreach (var text in n.Texts)
            {
                if (text.Tokens.Length != text.Values.Length)
                {
                    throw new ArgumentException($"Neuron {n.Id} text #{text.Index} has {text.Tokens.Length} tokens but {text.Values.Length} values.", nameof(neurons));
                }

                if (!indexes.Add(text.Index))
                {
                    throw new ArgumentException($"Neuron {n.Id} has text #{text.Index} twice.", nameof(neurons));
                }

                if (text.Tokens.Any(t => t is null) || text.Dataset is null)
                {
                    throw new ArgumentException($"Neuron {n.Id} text #{text.Index} has a null token or dataset.", nameof(neurons));
                }
            }
        }

        return [.. neurons.OrderBy(n => n.Id.Neuron)];
    }

    public static void CheckCoverage(string model, int layer, IReadOnlyList<CoverageRow> coverage)
    {
        foreach (var row in coverage)
        {
            if (row.Model != model || row.Layer != layer)
            {
                throw new ArgumentException($"Coverage row for {row.Id} ({row.Source}) does not belong to the batch's partition {model}/{layer}.", nameof(coverage));
            }
        }
    }
}
