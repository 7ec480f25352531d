using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Fetch.Tests.Neuron2Graph;

public sealed class SimilarNeuronsTests
{
    private static TokenSets Sets(params (int Layer, int Neuron, string[] Tokens)[] neurons)
    {
        var builder = new TokenSets.Builder();
        foreach (var (layer, neuron, tokens) in neurons)
        {
            builder.AddNeuron(layer, neuron);
            foreach (var token in tokens)
            {
                builder.Add(layer, neuron, token);
            }
        }

        return builder.Build();
    }

    private static IReadOnlyList<SimilarNeuron> Of(TokenSets sets, IReadOnlyList<SimilarNeuron>[] result, int layer, int neuron) =>
        result[sets.Neurons.ToList().IndexOf((layer, neuron))];

    [Fact]
    public void Jaccard_is_shared_over_union_and_symmetric()
    {
        var sets = Sets((0, 1, ["x", "y", "z"]), (2, 7, ["y", "z", "w"]));

        var result = SimilarNeurons.Compute(sets, new SimilarityOptions(Threshold: 0.1), CancellationToken.None);

        var a = Assert.Single(Of(sets, result, 0, 1));
        var b = Assert.Single(Of(sets, result, 2, 7));
        Assert.Equal((2, 7, 0.5, 2, 1), (a.OtherLayer, a.OtherNeuron, a.Similarity, a.SharedTokens, a.Rank));
        Assert.Equal((0, 1, 0.5, 2), (b.OtherLayer, b.OtherNeuron, b.Similarity, b.SharedTokens));
    }

    [Fact]
    public void Repeated_tokens_and_both_lists_count_once()
    {
        var sets = Sets((0, 1, ["x", "x", "y"]), (0, 2, ["x", "y", "y"]));

        var result = SimilarNeurons.Compute(sets, new SimilarityOptions(), CancellationToken.None);

        Assert.Equal(1.0, Assert.Single(Of(sets, result, 0, 1)).Similarity);
    }

    [Fact]
    public void A_neuron_without_tokens_has_no_similar_neurons_and_is_no_ones()
    {
        var sets = Sets((0, 0, []), (0, 1, ["x"]), (0, 2, ["x"]));

        var result = SimilarNeurons.Compute(sets, new SimilarityOptions(Threshold: 0.01), CancellationToken.None);

        Assert.Empty(Of(sets, result, 0, 0));
        Assert.Equal([2], Of(sets, result, 0, 1).Select(s => s.OtherNeuron));
        Assert.Equal([1], Of(sets, result, 0, 2).Select(s => s.OtherNeuron));
    }

    [Theory]
    [InlineData(0.2, true)]
    [InlineData(0.21, false)]
    public void Threshold_keeps_pairs_at_or_above_it(double threshold, bool kept)
    {
        var sets = Sets((0, 1, ["q"]), (0, 2, ["q", "r", "s", "t", "u"]));

        var result = SimilarNeurons.Compute(sets, new SimilarityOptions(Threshold: threshold), CancellationToken.None);

        Assert.Equal(kept, Of(sets, result, 0, 1).Count == 1);
        Assert.Equal(kept, Of(sets, result, 0, 2).Count == 1);
    }

    [Fact]
    public void Top_k_keeps_the_most_similar_and_breaks_ties_by_layer_then_neuron()
    {
        var sets = Sets(
            (1, 0, ["a", "b", "c", "d"]),
            (3, 0, ["a", "b", "c"]),      // 0.75
            (0, 9, ["a", "b"]),           // 0.5
            (0, 4, ["a", "b"]),           // 0.5
            (2, 0, ["a"]));               // 0.25

        var result = SimilarNeurons.Compute(sets, new SimilarityOptions(TopK: 3, Threshold: 0.1), CancellationToken.None);

        Assert.Equal([(3, 0), (0, 4), (0, 9)], Of(sets, result, 1, 0).Select(s => (s.OtherLayer, s.OtherNeuron)));
        Assert.Equal([1, 2, 3], Of(sets, result, 1, 0).Select(s => s.Rank));
    }

    [Fact]
    public void Tokens_of_too_many_neurons_are_ignored_like_stop_words()
    {
        var sets = Sets((0, 1, ["the", "x"]), (0, 2, ["the", "y"]), (0, 3, ["the", "x"]), (0, 4, ["the"]));

        var result = SimilarNeurons.Compute(sets, new SimilarityOptions(Threshold: 0.1, CommonTokenShare: 0.5, CommonTokenFloor: 3), CancellationToken.None);

        Assert.Equal((3, 1.0, 1), Assert.Single(Of(sets, result, 0, 1)).Apply(s => (s.OtherNeuron, s.Similarity, s.SharedTokens)));
        Assert.Empty(Of(sets, result, 0, 2));
        Assert.Empty(Of(sets, result, 0, 4));
    }

    [Fact]
    public void Inverted_index_finds_exactly_what_comparing_every_pair_finds()
    {
        var random = new Random(7);
        var neurons = Enumerable.Range(0, 300)
            .Select(i => (0, i, Enumerable.Range(0, random.Next(0, 12)).Select(_ => "t" + (int)Math.Pow(random.Next(1, 60), 1.5)).ToArray()))
            .ToArray();
        var sets = Sets(neurons);
        const double threshold = 0.3;

        var result = SimilarNeurons.Compute(sets, new SimilarityOptions(TopK: 1000, Threshold: threshold, Parallelism: 2), CancellationToken.None);

        for (var a = 0; a < neurons.Length; a++)
        {
            var mine = neurons[a].Item3.ToHashSet();
            var expected = neurons
                .Where(b => b.Item2 != a && mine.Count > 0)
                .Select(b => (Neuron: b.Item2, J: (double)mine.Intersect(b.Item3).Count() / mine.Union(b.Item3).Count()))
                .Where(x => x.J >= threshold)
                .OrderByDescending(x => x.J).ThenBy(x => x.Neuron)
                .Select(x => x.Neuron)
                .ToList();
            Assert.Equal(expected, Of(sets, result, 0, a).Select(s => s.OtherNeuron));
        }
    }
}

internal static class Functional
{
    public static TResult Apply<T, TResult>(this T value, Func<T, TResult> f) => f(value);
}
