using System.Text;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Fetch.Neuron2Graph;

namespace NeuroNav.Fetch.Tests.Neuron2Graph;

public sealed class NeuronStoreParserTests
{
    /// <summary>The exact example of docs/sources/neuron2graph.md#neuron-store.</summary>
    private const string Example = "{\n  \"activating\": {\n    \"except\": [\n      \"0_5\",\n      \"3_17\"\n    ],\n    \"\\n\": [\n      \"0_5\"\n    ]\n  },\n"
        + "  \"important\": {\n    \"all\": [\n      \"0_5\"\n    ],\n    \"café\": [\n      \"3_17\"\n    ],\n    \" ,\": [\n      \"0_5\"\n    ]\n  }\n}";

    [Fact]
    public void Parser_reads_the_literal_example_sorted_by_neuron()
    {
        var entries = NeuronStoreParser.Parse(Encoding.UTF8.GetBytes(Example));

        Assert.Equal(
            [
                new StoreEntry("\n", StoreKind.Activating, 0, 5),
                new StoreEntry("except", StoreKind.Activating, 0, 5),
                new StoreEntry(" ,", StoreKind.Important, 0, 5),
                new StoreEntry("all", StoreKind.Important, 0, 5),
                new StoreEntry("except", StoreKind.Activating, 3, 17),
                new StoreEntry("café", StoreKind.Important, 3, 17),
            ],
            entries);
    }

    [Fact]
    public void Parser_drops_repeated_pairs_and_keeps_a_neuron_in_both_lists()
    {
        var entries = NeuronStoreParser.Parse("""{"activating": {"he": ["1_2", "1_2"]}, "important": {"he": ["1_2"]}, "other": 3}"""u8);

        Assert.Equal([StoreKind.Activating, StoreKind.Important], entries.Select(e => e.Kind));
    }

    [Theory]
    [InlineData("""{"activating": {"he": ["12"]}}""", "'12' is not a neuron")]
    [InlineData("""{"activating": {"he": [12]}}""", "a Number where")]
    [InlineData("""{"activating": ["he"]}""", "\"activating\" is not an object")]
    [InlineData("""{"activating": {"he": ["1_2"]""", "neuron_store.json")]
    public void Parser_rejects_a_broken_store_with_a_reason(string json, string reason)
    {
        var e = Assert.Throws<GraphFormatException>(() => NeuronStoreParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }
}
