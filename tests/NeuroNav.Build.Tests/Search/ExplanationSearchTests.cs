using System.Text.Json;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Search;
using NeuroNav.Build.Tests.Fakes;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Search;

public sealed class ExplanationSearchTests
{
    [Fact]
    public void Words_are_lower_cased_distinct_and_skip_short_and_function_words()
    {
        Assert.Equal(["python", "code", "def", "keyword", "3d", "café"], ExplanationWords.Of("Python code: the 'def' keyword, a 3D Python café, x"));
    }

    [Theory]
    [InlineData("cat", "ca")]
    [InlineData("3d", "3d")]
    [InlineData("éa", "_a")]
    [InlineData("x_", "x_")]
    public void Shard_is_named_by_the_first_two_characters(string word, string shard)
    {
        Assert.Equal(shard, ExplanationWords.ShardOf(word));
    }

    [Fact]
    public void Shard_points_each_word_at_its_neurons_best_score_first()
    {
        var index = new ExplanationIndex();
        index.Add(2, [Explained(5, 0.1, "cats and dogs"), Explained(1, 0.9, "cat names"), new NeuronSummary(3, [], 1f, 1)]);
        index.Add(0, [Explained(9, null, "Cats")]);

        var shards = index.Shards();

        Assert.Equal(3, index.Count);
        Assert.Equal(["ca", "do", "na"], shards.Select(s => s.Name));
        var ca = shards[0];
        Assert.Equal([(0, 9), (2, 1), (2, 5)], ca.Entries.Select(e => (e.Layer, e.Neuron)));
        Assert.Equal(["cat", "cats"], ca.Words.Select(w => w.Word));
        Assert.Equal([1], ca.Words[0].Postings);
        Assert.Equal([2, 0], ca.Words[1].Postings); // 0.1 before no score
    }

    [Fact]
    public void A_word_keeps_only_the_best_scored_neurons()
    {
        var index = new ExplanationIndex();
        index.Add(0, Enumerable.Range(0, ExplanationIndex.MaxPostings + 5).Select(n => Explained(n, n / 1000d, "loop")));

        var shard = Assert.Single(index.Shards());
        var postings = Assert.Single(shard.Words).Postings;

        Assert.Equal(ExplanationIndex.MaxPostings, postings.Count);
        Assert.Equal(ExplanationIndex.MaxPostings + 4, shard.Entries[postings[0]].Neuron);
        Assert.Equal(5, shard.Entries.Min(e => e.Neuron));
    }

    [Fact]
    public async Task Build_writes_the_shards_of_models_with_explanations_and_nothing_for_others()
    {
        using var site = new TinySite();
        site.Use(new FakeSectionSource(Gpt4Module.WithoutData, new Dictionary<NeuronId, (double?, string)>
        {
            [new("tiny-a", 0, 1)] = (0.5, "Python keywords"),
            [new("tiny-a", 1, 3)] = (0.7, "python code \"quoted\""),
        }));

        await site.BuildAsync();

        Assert.Equal(
            ["api/tiny-a/search/explanations/co.json", "api/tiny-a/search/explanations/index.json", "api/tiny-a/search/explanations/ke.json",
             "api/tiny-a/search/explanations/py.json", "api/tiny-a/search/explanations/qu.json"],
            site.Files().Where(f => f.Contains("/search/", StringComparison.Ordinal)));
        using var py = JsonDocument.Parse(File.ReadAllBytes(site.File("api/tiny-a/search/explanations/py.json")));
        Assert.Equal("[[0,1,0.5,\"Python keywords\"],[1,3,0.7,\"python code \\\"quoted\\\"\"]]", py.RootElement.GetProperty("entries").GetRawText());
        Assert.Equal("[1,0]", py.RootElement.GetProperty("words").GetProperty("python").GetRawText());
        var validator = new SchemaValidator(site.Output);
        Assert.Empty(validator.Errors(File.ReadAllText(site.File("api/tiny-a/search/explanations/py.json"))));
        Assert.Empty(validator.Errors(File.ReadAllText(site.File("api/tiny-a/search/explanations/index.json"))));
    }

    [Fact]
    public async Task Subset_build_still_indexes_the_explanations_of_every_layer()
    {
        using var site = new TinySite();
        site.Use(new FakeSectionSource(Gpt4Module.WithoutData, new Dictionary<NeuronId, (double?, string)>
        {
            [new("tiny-a", 0, 1)] = (0.5, "alpha"),
        }));

        await site.BuildAsync(models: ["tiny-a"], first: 1, last: 1);

        Assert.True(File.Exists(site.File("api/tiny-a/search/explanations/al.json")));
    }

    private static NeuronSummary Explained(int neuron, double? score, string explanation) =>
        new NeuronSummary(neuron, [], 1f, 1).Explained(score, explanation);
}
