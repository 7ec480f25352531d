namespace NeuroNav.Sample.Gpt4;

/// <summary>Writes the five files of one neuron in OpenAI's exact formats (docs/sources/gpt4.md#the-five-datasets).</summary>
internal static class Gpt4FileWriter
{
    /// <summary>The explanations file (<c>.jsonl</c>: one line, with a trailing newline).</summary>
    public static byte[] Explanations(SyntheticOpenAiNeuron n, OrjsonWriter w)
    {
        w.Open("NeuronSimulationResults");
        NeuronId(w, n);
        w.Key("scored_explanations").OpenArray();
        foreach (var e in n.Explanations)
        {
            w.Open("ScoredExplanation").Key("explanation").String(e.Text);
            w.Key("scored_simulation").Open("ScoredSimulation").Key("scored_sequence_simulations").OpenArray();
            foreach (var s in e.Sequences)
            {
                w.Open("ScoredSequenceSimulation").Key("simulation");
                Simulation(w, s, calibrated: true);
                w.Key("true_activations").Numbers(s.True);
                Scores(w, s.Ev, s.RSquared, s.AbsDev);
                w.Close();
            }

            w.CloseArray();
            Scores(w, e.Ev, e.RSquared, e.AbsDev);
            w.Close().Close();
        }

        w.CloseArray().Close();
        return [.. w.ToBytes(), (byte)'\n'];
    }

    public static byte[] NeuronRecord(SyntheticOpenAiNeuron n, OrjsonWriter w)
    {
        w.Open("NeuronRecord");
        NeuronId(w, n);
        w.Key("random_sample");
        Records(w, n.Random);
        w.Key("random_sample_by_quantile").OpenArray();
        foreach (var bucket in n.Quantiles)
        {
            Records(w, bucket);
        }

        w.CloseArray();
        w.Key("quantile_boundaries").Numbers(n.QuantileBoundaries);
        w.Key("mean").Number(n.Mean).Key("variance").Number(n.Variance).Key("skewness").Number(n.Skewness).Key("kurtosis").Number(n.Kurtosis ?? double.NaN);
        w.Key("most_positive_activation_records");
        Records(w, n.Top);
        return w.Close().ToBytes();
    }

    public static byte[] RelatedNeurons(SyntheticOpenAiNeuron n, OrjsonWriter w)
    {
        w.Open(null).Key("c_fc");
        Connections(w, n.UpstreamPositive, n.UpstreamNegative);
        w.Key("c_proj");
        Connections(w, n.DownstreamPositive, n.DownstreamNegative);
        return w.Close().ToBytes();
    }

    public static byte[] TokensByActivation(SyntheticOpenAiNeuron n, OrjsonWriter w) =>
        w.Open("TokenLookupTableSummaryOfNeuron")
            .Key("tokens").Strings(n.TokensByActivation.Select(t => t.Token))
            .Key("average_activations").Numbers(n.TokensByActivation.Select(t => t.Value))
            .Close().ToBytes();

    public static byte[] TokensByWeight(SyntheticOpenAiNeuron n, OrjsonWriter w)
    {
        w.Open("WeightBasedSummaryOfNeuron");
        string[] keys = ["input_positive", "input_negative", "output_positive", "output_negative"];
        for (var k = 0; k < keys.Length; k++)
        {
            w.Key(keys[k]).Open("TokensAndWeights")
                .Key("tokens").Strings(n.TokensByWeight[k].Select(t => t.Token))
                .Key("strengths").Numbers(n.TokensByWeight[k].Select(t => t.Strength))
                .Close();
        }

        return w.Close().ToBytes();
    }

    private static void NeuronId(OrjsonWriter w, SyntheticOpenAiNeuron n) =>
        w.Key("neuron_id").Open("NeuronId").Key("layer_index").Int(n.Id.Layer).Key("neuron_index").Int(n.Id.Neuron).Close();

    /// <summary>The calibrated simulation, with the simulator's raw output (0..10) nested one level, as the calibrated simulator writes it.</summary>
    private static void Simulation(OrjsonWriter w, SyntheticSequence s, bool calibrated)
    {
        w.Open("SequenceSimulation").Key("tokens").Strings(s.Tokens);
        w.Key("expected_activations").Numbers(calibrated ? s.Simulated : s.Normalized);
        w.Key("activation_scale").String(calibrated ? "neuron_activations" : "simulated_normalized_activations");
        w.Key("distribution_values").OpenArray();
        foreach (var (token, v) in s.Tokens.Zip(s.Normalized))
        {
            w.Numbers(token == "\n" ? (double[])[] : Levels(v));
        }

        w.CloseArray().Key("distribution_probabilities").OpenArray();
        foreach (var (token, v) in s.Tokens.Zip(s.Normalized))
        {
            w.Numbers(token == "\n" ? (double[])[] : v == 0 ? [1.0] : [0.75, 0.25]);
        }

        w.CloseArray().Key("uncalibrated_simulation");
        if (calibrated)
        {
            Simulation(w, s, calibrated: false);
        }
        else
        {
            w.Null();
        }

        w.Close();
    }

    // The levels the simulator's top logprobs named, in logprob order (not sorted).
    private static double[] Levels(double v) => v == 0 ? [0.0] : [v, 0.0];

    private static void Records(OrjsonWriter w, IEnumerable<SyntheticRecord> records)
    {
        w.OpenArray();
        foreach (var r in records)
        {
            w.Open("ActivationRecord").Key("tokens").Strings(r.Tokens).Key("activations").Numbers(r.Activations).Close();
        }

        w.CloseArray();
    }

    private static void Connections(OrjsonWriter w, IReadOnlyList<(int Layer, int Neuron, double Weight)>? positive, IReadOnlyList<(int Layer, int Neuron, double Weight)>? negative)
    {
        if (positive is null || negative is null)
        {
            w.Null();
            return;
        }

        w.Open(null)
            .Key("top_positive_neurons").Strings(positive.Select(Id))
            .Key("top_positive_weights").Numbers(positive.Select(p => p.Weight))
            .Key("top_negative_neurons").Strings(negative.Select(Id))
            .Key("top_negative_weights").Numbers(negative.Select(p => p.Weight))
            .Close();
    }

    private static string Id((int Layer, int Neuron, double Weight) p) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Layer}_{p.Neuron}");

    private static void Scores(OrjsonWriter w, double? ev, double? rsquared, double? absDev) =>
        w.Key("ev_correlation_score").Number(ev ?? double.NaN).Key("rsquared_score").Number(rsquared ?? double.NaN).Key("absolute_dev_explained_score").Number(absDev ?? double.NaN);
}
