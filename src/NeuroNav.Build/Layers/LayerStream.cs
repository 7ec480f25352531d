using System.Runtime.CompilerServices;
using NeuroNav.Core;

namespace NeuroNav.Build.Layers;

/// <summary>A neuron of a layer with what its page needs to know of its neighbours.</summary>
/// <param name="HasPrevious">The layer has neuron - 1.</param>
/// <param name="HasNext">The layer has neuron + 1.</param>
internal sealed record LayerNeuron(NeuroscopeNeuron Neuron, bool HasPrevious, bool HasNext);

internal static class LayerStream
{
    /// <summary>
    /// Streams a layer's neurons, looking one ahead to tell whether neuron + 1 exists. Checks that every neuron
    /// belongs to the layer, exists in the model and comes in strictly ascending order.
    /// </summary>
    public static async IAsyncEnumerable<LayerNeuron> WithNeighbours(
        ModelInfo model, int layer, IAsyncEnumerable<NeuroscopeNeuron> neurons, [EnumeratorCancellation] CancellationToken ct)
    {
        NeuroscopeNeuron? pending = null;
        var pendingHasPrevious = false;
        await foreach (var neuron in neurons.WithCancellation(ct))
        {
            var id = neuron.Id;
            if (id.Model != model.Id || id.Layer != layer || !model.HasNeuron(id.Layer, id.Neuron))
            {
                throw new BuildException($"the corpus returned neuron {id} while reading {model.Id}/{layer} ({model.NeuronsPerLayer} neurons per layer)");
            }

            if (pending is not null)
            {
                if (id.Neuron <= pending.Id.Neuron)
                {
                    throw new BuildException($"the corpus returned {id} after {pending.Id}: neurons of a layer must come once each, ascending");
                }

                yield return new LayerNeuron(pending, pendingHasPrevious, id.Neuron == pending.Id.Neuron + 1);
            }

            pendingHasPrevious = pending is not null && id.Neuron == pending.Id.Neuron + 1;
            pending = neuron;
        }

        if (pending is not null)
        {
            yield return new LayerNeuron(pending, pendingHasPrevious, false);
        }
    }
}
