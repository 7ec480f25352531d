namespace NeuroNav.Sample.Weights;

/// <summary>
/// A small random model held in TransformerLens's own orientation (W_in [d_model, d_mlp], W_out [d_mlp, d_model],
/// W_E [vocab, d_model], W_U [d_model, vocab]), with LayerNorm weights far from 1 so that folding them matters.
/// The writers store it in each real file layout; the reference computes every quantity from it in plain loops.
/// </summary>
public sealed class SyntheticModel
{
    public SyntheticModel(string activation, int layers, int neurons, int dModel, int vocabRows, int seed, bool tied)
    {
        Activation = activation;
        Layers = layers;
        Neurons = neurons;
        DModel = dModel;
        VocabRows = vocabRows;
        Tied = tied;
        var rng = new Random(seed);
        float R(float scale) => (float)((rng.NextDouble() * 2) - 1) * scale;
        float[,] M(int a, int b, float scale)
        {
            var x = new float[a, b];
            for (var i = 0; i < a; i++)
            {
                for (var j = 0; j < b; j++)
                {
                    x[i, j] = R(scale);
                }
            }

            return x;
        }

        float[] LnWeight(int n) => Enumerable.Range(0, n).Select(_ => 1f + R(0.6f)).ToArray();

        WIn = Enumerable.Range(0, layers).Select(_ => M(dModel, neurons, 1f)).ToArray();
        WOut = Enumerable.Range(0, layers).Select(_ => M(neurons, dModel, 1f)).ToArray();
        Ln2 = Enumerable.Range(0, layers).Select(_ => LnWeight(dModel)).ToArray();
        MlpLn = activation == "solu" ? Enumerable.Range(0, layers).Select(_ => LnWeight(neurons)).ToArray() : null;
        WE = M(vocabRows, dModel, 1f);
        LnFinal = LnWeight(dModel);
        if (tied)
        {
            WU = new float[dModel, vocabRows];
            for (var t = 0; t < vocabRows; t++)
            {
                for (var d = 0; d < dModel; d++)
                {
                    WU[d, t] = WE[t, d];
                }
            }
        }
        else
        {
            WU = M(dModel, vocabRows, 1f);
        }

        // Every embedding row gets its own offset and scale, so centring and RMS scaling change the ranking.
        for (var t = 0; t < vocabRows; t++)
        {
            var offset = R(2f);
            var scale = 0.2f + Math.Abs(R(3f));
            for (var d = 0; d < dModel; d++)
            {
                WE[t, d] = (WE[t, d] * scale) + offset;
            }
        }

        if (tied)
        {
            for (var t = 0; t < vocabRows; t++)
            {
                for (var d = 0; d < dModel; d++)
                {
                    WU[d, t] = WE[t, d];
                }
            }
        }
    }

    public string Activation { get; }

    public int Layers { get; }

    public int Neurons { get; }

    public int DModel { get; }

    public int VocabRows { get; }

    public bool Tied { get; }

    public float[][,] WIn { get; }

    public float[][,] WOut { get; }

    public float[][] Ln2 { get; }

    public float[][]? MlpLn { get; }

    public float[,] WE { get; }

    public float[,] WU { get; }

    public float[] LnFinal { get; }
}
