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

    public static async Task<LayerIndex> BuildAsync(CorpusRoot root, string model, int layer, StringPool pool, CancellationToken ct)
    {
        var neuronParts = await CommittedParts.OfAsync(root, NeuroscopeTables.Neurons, model, layer, ct).ConfigureAwait(false);
        var textParts = (await CommittedParts.OfAsync(root, NeuroscopeTables.Texts, model, layer, ct).ConfigureAwait(false))
            .ToDictionary(p => Path.GetFileName(p), StringComparer.Ordinal);
        var winners = new SortedDictionary<int, (NeuronRow Row, int Part)>();
        for (var p = 0; p < neuronParts.Count; p++)
        {
            foreach (var row in await NeuronsTable.ReadAllAsync(neuronParts[p], pool, ct).ConfigureAwait(false))
            {
                winners[row.Neuron] = (row, p);
            }
        }

        var texts = new string[neuronParts.Count];
        foreach (var (row, part) in winners.Values.Where(w => w.Row.TextCount > 0))
        {
            var name = Path.GetFileName(neuronParts[part]);
            texts[part] = textParts.GetValueOrDefault(name) ?? throw new CorpusException(
                $"Corpus file {neuronParts[part]} lists texts of {new Core.NeuronId(model, layer, row.Neuron)}, but the texts part {name} of the same batch is not committed.");
        }

        return new LayerIndex(winners, texts);
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
