using System.Globalization;

namespace NeuroNav.Core;

/// <summary>A neuron: model, layer and index within the layer. Printed as <c>model/layer/neuron</c>, the site's path.</summary>
public readonly record struct NeuronId(string Model, int Layer, int Neuron)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Model}/{Layer}/{Neuron}");
}
