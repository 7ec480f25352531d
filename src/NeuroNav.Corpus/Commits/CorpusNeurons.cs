namespace NeuroNav.Corpus;

/// <summary>The neurons of one layer that each source holds data for in the corpus.</summary>
public sealed record HeldNeurons(IReadOnlySet<int> Neuroscope, IReadOnlySet<int> Gpt4, IReadOnlySet<int> Neuron2Graph)
{
    /// <summary>Every neuron any source holds.</summary>
    public IReadOnlySet<int> All => Neuroscope.Union(Gpt4).Union(Neuron2Graph).ToHashSet();
}

/// <summary>
/// Which neurons the corpus holds, by source, read through the part lists from the <c>neuron</c> column of the tables
/// that say a neuron has data the site shows (<c>neuroscope_neurons</c>, <c>gpt4_explanations</c>, <c>n2g_graphs</c>):
/// a few bytes per neuron, so a whole layer of gpt2-xl costs milliseconds. A GPT-4 neuron counts when it has an
/// explanation, as the GPT-4 section needs one; one whose explanations file did not parse shows its coverage status.
/// </summary>
public static class CorpusNeurons
{
    private static readonly string[] Tables = [CorpusLayout.Neurons, Gpt4.Gpt4Tables.Explanations, Graphs.GraphTables.Graphs];

    /// <summary>Every (model, layer) where some source holds a neuron, sorted by model (ordinal) then layer.</summary>
    public static IReadOnlyList<(string Model, int Layer)> Layers(string root) => CorpusLayout.Partitions(Path.GetFullPath(root), Tables);

    public static async Task<HeldNeurons> HeldAsync(string root, string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        root = Path.GetFullPath(root);
        var sets = new List<IReadOnlySet<int>>();
        foreach (var table in Tables)
        {
            var held = new HashSet<int>();
            foreach (var part in await CommittedParts.OfAsync(root, table, model, layer, ct).ConfigureAwait(false))
            {
                held.UnionWith(await NeuronsTable.ReadNeuronIdsAsync(part, ct).ConfigureAwait(false));
            }

            sets.Add(held);
        }

        return new HeldNeurons(sets[0], sets[1], sets[2]);
    }
}
