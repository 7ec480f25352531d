using NeuroNav.Corpus;
using NeuroNav.Corpus.Weights;
using NeuroNav.Weights;

namespace NeuroNav.Fetch.Tests.Weights;

/// <summary>
/// <c>fetch weights --from-corpus</c>: a partition job copies the layers it builds from the corpus the model's weights job
/// computed, row for row with the provenance, without the checkpoint; a copy already held is skipped; a layer the other
/// corpus lacks stops the fetch naming it before anything is written.
/// </summary>
public sealed partial class WeightsFetchTests
{
    [Fact]
    public async Task A_layer_copied_from_another_corpus_is_the_computed_one_with_its_provenance_and_a_second_copy_is_skipped()
    {
        var (folder, _) = Checkpoint("tiny-solu");
        await FetchSources.Weights.RunAsync(Job("tiny-solu", folder), null, CancellationToken.None);
        var partition = _temp.Combine("partition");
        var copy = Job("tiny-solu", from: null, targets: [new ScrapeTarget("tiny-solu", 1, 0, 16), new ScrapeTarget("tiny-solu", 2, 0, 16)])
            with
        { Corpus = partition, FromCorpus = _temp.Combine("corpus") };

        var first = await FetchSources.Weights.RunAsync(copy, null, CancellationToken.None);
        var again = await FetchSources.Weights.RunAsync(copy, null, CancellationToken.None);

        var copied = CorpusRoot.Open(partition).Weights();
        Assert.Equal((32L, 0L), (first.Neurons.Fetched, first.Neurons.Skipped));
        Assert.Equal((0L, 32L), (again.Neurons.Fetched, again.Neurons.Skipped));
        Assert.Equal([1, 2], copied.Layers("tiny-solu"));
        foreach (var layer in new[] { 1, 2 })
        {
            var want = await Store.ReadLayerAsync("tiny-solu", layer, CancellationToken.None);
            var got = await copied.ReadLayerAsync("tiny-solu", layer, CancellationToken.None);
            Assert.Equal(want.Select(n => (n.Id, n.Tokens.Promoted[0].Text, n.Links.UpstreamExciting.Count, n.Stats.InStrengthPercentile)), got.Select(n => (n.Id, n.Tokens.Promoted[0].Text, n.Links.UpstreamExciting.Count, n.Stats.InStrengthPercentile)));
            var (computed, copiedFrom) = ((await Store.ReadProvenanceAsync("tiny-solu", layer, CancellationToken.None))!, (await copied.ReadProvenanceAsync("tiny-solu", layer, CancellationToken.None))!);
            Assert.True(computed.SameInputs(copiedFrom));
            Assert.Equal((computed.Repository, computed.ComputedAt), (copiedFrom.Repository, copiedFrom.ComputedAt));
            Assert.Equal(computed.Files, copiedFrom.Files);
        }

        Assert.Contains(first.Details, d => d.Name == "copied from" && d.Value == _temp.Combine("corpus"));
    }

    [Fact]
    public async Task A_layer_the_other_corpus_lacks_stops_the_copy_naming_it_and_nothing_is_written()
    {
        var (folder, _) = Checkpoint("tiny-gpt2");
        await FetchSources.Weights.RunAsync(Job("tiny-gpt2", folder, targets: [new ScrapeTarget("tiny-gpt2", 1, 0, 32)]), null, CancellationToken.None);
        var partition = _temp.Combine("partition");
        var copy = Job("tiny-gpt2", from: null) with { Corpus = partition, FromCorpus = _temp.Combine("corpus") };

        var e = await Assert.ThrowsAsync<WeightsException>(() => FetchSources.Weights.RunAsync(copy, null, CancellationToken.None));

        Assert.Equal($"fetch weights: tiny-gpt2: {_temp.Combine("corpus")} holds no weights of layer 0 (compute them there with 'neuronav fetch weights --model tiny-gpt2')", e.Message);
        Assert.Empty(CorpusRoot.Open(partition).Weights().Layers("tiny-gpt2"));
    }
}
