using NeuroNav.Core;

namespace NeuroNav.Corpus.Tests;

/// <summary>Compares neurons field by field; floats bit for bit, so NaN, -0.0 and infinities must survive exactly.</summary>
internal static class NeuronAssert
{
    public static void Equal(NeuroscopeNeuron expected, NeuroscopeNeuron actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.MaxRange), BitConverter.DoubleToInt64Bits(actual.MaxRange));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.MinRange), BitConverter.DoubleToInt64Bits(actual.MinRange));
        Assert.Equal(expected.CircuitsVisVersion, actual.CircuitsVisVersion);
        Assert.Equal(expected.Provenance, actual.Provenance);
        Assert.Equal(expected.Texts.Count, actual.Texts.Count);
        foreach (var (e, a) in expected.Texts.OrderBy(t => t.Index).Zip(actual.Texts))
        {
            Assert.Equal(e.Index, a.Index);
            Assert.Equal(Bits(e.MaxActivation), Bits(a.MaxActivation));
            Assert.Equal(Bits(e.MinActivation), Bits(a.MinActivation));
            Assert.Equal(e.DataIndex, a.DataIndex);
            Assert.Equal(e.Dataset, a.Dataset);
            Assert.Equal(e.MaxTokenIndex, a.MaxTokenIndex);
            Assert.Equal(e.Tokens, a.Tokens);
            Assert.Equal(e.Values.Select(Bits), a.Values.Select(Bits));
        }
    }

    public static async Task<List<NeuroscopeNeuron>> ReadLayerAsync(CorpusStore store, string model, int layer)
    {
        var list = new List<NeuroscopeNeuron>();
        await foreach (var n in store.ReadLayerAsync(model, layer, CancellationToken.None))
        {
            list.Add(n);
        }

        return list;
    }

    private static int Bits(float value) => BitConverter.SingleToInt32Bits(value);
}
