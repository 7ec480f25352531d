using NeuroNav.Core;
using NeuroNav.Corpus.Weights;
using NeuroNav.Weights.Compute;
using NeuroNav.Weights.Tokens;

namespace NeuroNav.Fetch.Weights;

/// <summary>The engine's result for one neuron as a corpus row, token ids decoded to text.</summary>
internal static class WeightsRows
{
    public static WeightsNeuron From(string model, NeuronWeights w, TokenDecoder decoder)
    {
        List<WeightToken> Tokens(IReadOnlyList<TokenValue> list) =>
            [.. list.Select(t => new WeightToken(t.Token, decoder.TryDecode(t.Token, out var text) ? text : "", t.Value))];
        static List<WeightLink> Links(IReadOnlyList<NeuronLink> list) => [.. list.Select(l => new WeightLink(l.Layer, l.Neuron, l.Value))];
        return new WeightsNeuron(
            new NeuronId(model, w.Layer, w.Neuron),
            new WeightTokens(Tokens(w.Promoted), Tokens(w.Suppressed), Tokens(w.InputHighest), Tokens(w.InputLowest)),
            new WeightLinks(Links(w.UpstreamExciting), Links(w.UpstreamInhibiting), Links(w.DownstreamExciting), Links(w.DownstreamInhibiting)),
            new WeightStats(w.InputNorm, w.OutputNorm, w.InOutCosine, w.InStrength, w.OutStrength, w.InStrengthPercentile, w.OutStrengthPercentile));
    }
}
