using System.Runtime.CompilerServices;
using NeuroNav.Core;

namespace NeuroNav.Build.Layers;

/// <summary>A neuron of a layer with what its page needs to know of its neighbours.</summary>
/// <param name="Neuroscope">Its Neuroscope data, or null when only other sources hold it.</param>
/// <param name="HasPrevious">The layer has neuron - 1.</param>
/// <param name="HasNext">The layer has neuron + 1.</param>
internal sealed record LayerNeuron(NeuronId Id, NeuroscopeNeuron? Neuroscope, bool HasPrevious, bool HasNext);

internal static class LayerStream
{
    /// <summary>
    /// Streams a layer's neurons: those Neuroscope stores merged with <paramref name="others"/> (the neurons other sources
    /// hold, ascending), looking one ahead to tell whether neuron + 1 exists. Checks that every neuron belongs to the
    /// layer, exists in the model and that Neuroscope's come once each, ascending.
    /// </summary>
    public static async IAsyncEnumerable<LayerNeuron> WithNeighbours(
        ModelInfo model,
        int layer,
        IAsyncEnumerable<NeuroscopeNeuron> neurons,
        IReadOnlyList<int> others,
        [EnumeratorCancellation] CancellationToken ct)
    {
        (NeuronId Id, NeuroscopeNeuron? Data)? pending = null;
        var pendingHasPrevious = false;
        await foreach (var (id, data) in Merge(model, layer, neurons, others, ct).ConfigureAwait(false))
        {
            if (pending is { } p)
            {
                yield return new LayerNeuron(p.Id, p.Data, pendingHasPrevious, id.Neuron == p.Id.Neuron + 1);
            }

            pendingHasPrevious = pending is { } before && id.Neuron == before.Id.Neuron + 1;
            pending = (id, data);
        }

        if (pending is { } last)
        {
            yield return new LayerNeuron(last.Id, last.Data, pendingHasPrevious, false);
        }
    }

    /// <summary>Neuroscope's neurons and <paramref name="others"/> in one ascending sequence, each neuron once.</summary>
    private static async IAsyncEnumerable<(NeuronId Id, NeuroscopeNeuron? Data)> Merge(
        ModelInfo model, int layer, IAsyncEnumerable<NeuroscopeNeuron> neurons, IReadOnlyList<int> others, [EnumeratorCancellation] CancellationToken ct)
    {
        var next = 0;
        NeuroscopeNeuron? previous = null;
        await foreach (var neuron in neurons.WithCancellation(ct).ConfigureAwait(false))
        {
            var id = neuron.Id;
            if (id.Model != model.Id || id.Layer != layer || !model.HasNeuron(id.Layer, id.Neuron))
            {
                throw new BuildException($"the corpus returned neuron {id} while reading {model.Id}/{layer} ({model.NeuronsPerLayer} neurons per layer)");
            }

            if (previous is not null && id.Neuron <= previous.Id.Neuron)
            {
                throw new BuildException($"the corpus returned {id} after {previous.Id}: neurons of a layer must come once each, ascending");
            }

            previous = neuron;
            for (; next < others.Count && others[next] <= id.Neuron; next++)
            {
                if (others[next] < id.Neuron)
                {
                    yield return (Other(model, layer, others[next]), null);
                }
            }

            yield return (id, neuron);
        }

        for (; next < others.Count; next++)
        {
            yield return (Other(model, layer, others[next]), null);
        }
    }

    private static NeuronId Other(ModelInfo model, int layer, int neuron) => model.HasNeuron(layer, neuron)
        ? new NeuronId(model.Id, layer, neuron)
        : throw new BuildException($"a source holds neuron {neuron} of {model.Id}/{layer}, which has {model.NeuronsPerLayer} neurons per layer");
}
