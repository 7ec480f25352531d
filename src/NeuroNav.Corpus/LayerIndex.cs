namespace NeuroNav.Corpus;

/// <summary>
/// The first, cheap pass over a layer: which part holds the newest copy of each neuron (later part wins), read from the
/// small neurons tables only.
/// </summary>
internal sealed class LayerIndex
{
    private LayerIndex(SortedDictionary<int, (NeuronRow Row, int Part)> winners, IReadOnlyList<string> textParts)
    {
        Winners = winners;
        TextParts = textParts;
    }

    /// <summary>Per neuron, ascending: its newest row and the index of the part that holds it.</summary>
    public SortedDictionary<int, (NeuronRow Row, int Part)> Winners { get; }

    /// <summary>Per part index: the texts file of the same batch.</summary>
    public IReadOnlyList<string> TextParts { get; }

    public static async Task<LayerIndex> BuildAsync(string root, string model, int layer, StringPool pool, CancellationToken ct)
    {
        var neuronParts = CorpusLayout.Parts(CorpusLayout.PartitionDir(root, CorpusLayout.Neurons, model, layer));
        var textsDir = CorpusLayout.PartitionDir(root, CorpusLayout.Texts, model, layer);
        var winners = new SortedDictionary<int, (NeuronRow Row, int Part)>();
        for (var p = 0; p < neuronParts.Count; p++)
        {
            foreach (var row in await NeuronsTable.ReadAllAsync(neuronParts[p], pool, ct).ConfigureAwait(false))
            {
                winners[row.Neuron] = (row, p);
            }
        }

        return new LayerIndex(winners, [.. neuronParts.Select(p => Path.Combine(textsDir, Path.GetFileName(p)))]);
    }

    /// <summary>For each part, how many winning neurons with texts it still has to hand out.</summary>
    public int[] PendingTextNeuronsPerPart()
    {
        var pending = new int[TextParts.Count];
        foreach (var (row, part) in Winners.Values)
        {
            if (row.TextCount > 0)
            {
                pending[part]++;
            }
        }

        return pending;
    }
}
