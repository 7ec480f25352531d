using NeuroNav.Sample.Weights;

namespace NeuroNav.Weights.Tests.Kit;

/// <summary>
/// Every per-neuron quantity of a <see cref="SyntheticModel"/>, straight from the definitions in plain loops in
/// double precision, sharing no code with the engine: the oracle the tests compare against.
/// </summary>
public sealed class Reference
{
    public Reference(SyntheticModel m, int vocab)
    {
        Model = m;
        Vocab = vocab;
        int L = m.Layers, N = m.Neurons, D = m.DModel, V = m.VocabRows;

        WIn = new double[L][,];
        WOut = new double[L][,];
        for (var l = 0; l < L; l++)
        {
            // fold_ln: W_in[d, n] * ln2.w[d]; then centre each column (neuron) over d_model.
            var wi = new double[D, N];
            for (var n = 0; n < N; n++)
            {
                double mean = 0;
                for (var d = 0; d < D; d++)
                {
                    wi[d, n] = m.WIn[l][d, n] * (double)m.Ln2[l][d];
                    mean += wi[d, n];
                }

                mean /= D;
                for (var d = 0; d < D; d++)
                {
                    wi[d, n] -= mean;
                }
            }

            WIn[l] = wi;

            var wo = new double[N, D];
            for (var n = 0; n < N; n++)
            {
                for (var d = 0; d < D; d++)
                {
                    wo[n, d] = m.WOut[l][n, d] * (m.MlpLn is null ? 1.0 : m.MlpLn[l][n]);
                }
            }

            if (m.MlpLn is not null)
            {
                // SoLU's LayerNorm centres the hidden activations: centre W_out over neurons.
                for (var d = 0; d < D; d++)
                {
                    double mean = 0;
                    for (var n = 0; n < N; n++)
                    {
                        mean += wo[n, d];
                    }

                    mean /= N;
                    for (var n = 0; n < N; n++)
                    {
                        wo[n, d] -= mean;
                    }
                }
            }

            // center_writing_weights: each output row centred over d_model.
            for (var n = 0; n < N; n++)
            {
                double mean = 0;
                for (var d = 0; d < D; d++)
                {
                    mean += wo[n, d];
                }

                mean /= D;
                for (var d = 0; d < D; d++)
                {
                    wo[n, d] -= mean;
                }
            }

            WOut[l] = wo;
        }

        // W_U: fold ln_final, centre each token's column over d_model, then centre each d_model row over all tokens.
        WU = new double[D, V];
        for (var t = 0; t < V; t++)
        {
            double mean = 0;
            for (var d = 0; d < D; d++)
            {
                WU[d, t] = m.WU[d, t] * (double)m.LnFinal[d];
                mean += WU[d, t];
            }

            mean /= D;
            for (var d = 0; d < D; d++)
            {
                WU[d, t] -= mean;
            }
        }

        for (var d = 0; d < D; d++)
        {
            double mean = 0;
            for (var t = 0; t < V; t++)
            {
                mean += WU[d, t];
            }

            mean /= V;
            for (var t = 0; t < V; t++)
            {
                WU[d, t] -= mean;
            }
        }

        // The embedding as ln2 sees it: centred, unit RMS (eps 1e-5).
        E = new double[V, D];
        for (var t = 0; t < V; t++)
        {
            double mean = 0;
            for (var d = 0; d < D; d++)
            {
                mean += m.WE[t, d];
            }

            mean /= D;
            double sq = 0;
            for (var d = 0; d < D; d++)
            {
                E[t, d] = m.WE[t, d] - mean;
                sq += E[t, d] * E[t, d];
            }

            var rms = Math.Sqrt((sq / D) + 1e-5);
            for (var d = 0; d < D; d++)
            {
                E[t, d] /= rms;
            }
        }
    }

    public SyntheticModel Model { get; }

    public int Vocab { get; }

    public double[][,] WIn { get; }

    public double[][,] WOut { get; }

    public double[,] WU { get; }

    public double[,] E { get; }

    public double Logit(int l, int n, int t)
    {
        double s = 0;
        for (var d = 0; d < Model.DModel; d++)
        {
            s += WOut[l][n, d] * WU[d, t];
        }

        return s;
    }

    public double Input(int l, int n, int t)
    {
        double s = 0;
        for (var d = 0; d < Model.DModel; d++)
        {
            s += E[t, d] * WIn[l][d, n];
        }

        return s;
    }

    public double Virtual(int l1, int n, int l2, int m)
    {
        double s = 0;
        for (var d = 0; d < Model.DModel; d++)
        {
            s += WOut[l1][n, d] * WIn[l2][d, m];
        }

        return s;
    }

    public double InputNorm(int l, int n) => Math.Sqrt(Enumerable.Range(0, Model.DModel).Sum(d => WIn[l][d, n] * WIn[l][d, n]));

    public double OutputNorm(int l, int n) => Math.Sqrt(Enumerable.Range(0, Model.DModel).Sum(d => WOut[l][n, d] * WOut[l][n, d]));

    public double Cosine(int l, int n) =>
        Enumerable.Range(0, Model.DModel).Sum(d => WIn[l][d, n] * WOut[l][n, d]) / (InputNorm(l, n) * OutputNorm(l, n));

    /// <summary>All (id, value) pairs sorted by value, highest first.</summary>
    public static List<(int Id, double Value)> Ranked(IEnumerable<(int Id, double Value)> items) =>
        items.OrderByDescending(p => p.Value).ToList();
}
