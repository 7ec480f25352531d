namespace NeuroNav.Sample.Synthetic;

/// <summary>
/// Real "Max Act" values of Text #0 on live neuroscope.io pages of gpt2-small, as printed (4 decimals).
/// Copied from neuroscope_max_act_text0_matrix-gpt2-small.json, which is apartresearch/Neuron2Graph
/// n2g/data/activation_matrix-gpt2-small.json at commit afff5095 (scraped from neuroscope.io by its n2g/scrape.py).
/// </summary>
public static class RealMaxActs
{
    private static readonly Dictionary<(int Layer, int Neuron), float> Gpt2Small = Build();

    /// <summary>The real Text #0 Max Act of gpt2-small (layer, neuron), when copied here.</summary>
    public static float? Gpt2SmallText0(int layer, int neuron) =>
        Gpt2Small.TryGetValue((layer, neuron), out var v) ? v : null;

    private static Dictionary<(int, int), float> Build()
    {
        float[] layer0 = [1.4755f, 2.763f, 3.9191f, 3.1193f, 3.7757f, 3.1399f, 4.4695f, 2.898f, 2.6277f, 3.2401f, 5.0717f, 0.339f, 3.5741f, 4.4204f, 3.1031f, 3.0121f];
        float[] layer3 = [6.1839f, 2.4255f, 4.1709f, 2.6962f, 5.1469f, 4.6723f, 4.4431f, 2.4351f, 2.1582f, 3.8529f, 3.1461f, 2.7982f, 4.0834f, 2.8516f, 3.6954f, 2.6613f];
        var values = new Dictionary<(int, int), float>();
        for (var n = 0; n < layer0.Length; n++)
        {
            values[(0, n)] = layer0[n];
            values[(3, n)] = layer3[n];
        }

        // A real negative top activation: the page printed Max Act -0.0429.
        values[(0, 37)] = -0.0429f;

        // The matrix holds -0.0 (the page printed -0.0000); any float32 in (-0.00005, 0] prints so. -0.00001 keeps the sign visible.
        values[(0, 1403)] = -0.00001f;
        return values;
    }
}
