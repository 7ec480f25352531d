namespace NeuroNav.Core;

/// <summary>One of the 25 models: the row of the catalog (content/models.csv).</summary>
public sealed record ModelInfo(
    string Id,
    string ActivationFunction,
    string Dataset,
    int Layers,
    int NeuronsPerLayer,
    long TotalNeurons,
    long Parameters)
{
    public bool HasLayer(int layer) => layer >= 0 && layer < Layers;

    public bool HasNeuron(int layer, int neuron) => HasLayer(layer) && neuron >= 0 && neuron < NeuronsPerLayer;
}
