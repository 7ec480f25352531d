using NeuroNav.Build.Api;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;

namespace NeuroNav.Build.Search;

/// <summary>One explained neuron of a model: where it is, its explanation and the score of the source that explains it.</summary>
public sealed record ExplainedNeuron(int Layer, int Neuron, double? Score, string Explanation);

/// <summary>One shard of a model's explanation search: the neurons its words point at, and each word's postings into them.</summary>
/// <param name="Entries">Sorted by layer, then neuron.</param>
/// <param name="Words">Sorted ordinally; each word's postings are indexes into <see cref="Entries"/>, best score first.</param>
public sealed record ExplanationShard(string Name, IReadOnlyList<ExplainedNeuron> Entries, IReadOnlyList<(string Word, IReadOnlyList<int> Postings)> Words);

/// <summary>
/// Collects the explanations of one model's layers as the build reads them (the searchable text column of the listings,
/// <see cref="SourceColumn.Searchable"/>, ranked by its source's first number column; only the explained neurons are kept) and
/// cuts them into word-keyed shards. A word keeps at most <see cref="MaxPostings"/> neurons: those with the best scores.
/// </summary>
public sealed class ExplanationIndex
{
    public const int MaxPostings = 200;

    private readonly List<ExplainedNeuron> _neurons = [];

    public int Count => _neurons.Count;

    /// <summary>Adds the explained neurons of a layer's summaries.</summary>
    public void Add(int layer, IEnumerable<NeuronSummary> neurons)
    {
        foreach (var n in neurons)
        {
            if (n.Columns.FirstOrDefault(c => c.Column.Searchable) is { Column: var column, Value.Text: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                var score = n.Columns.FirstOrDefault(c => c.Column.Source == column.Source && c.Column.Kind == ColumnKind.Number).Value.Number;
                _neurons.Add(new ExplainedNeuron(layer, n.Neuron, JsonOutput.Finite(score), text.Trim()));
            }
        }
    }

    /// <summary>The shards, by name ordinally; empty when no neuron of the model is explained.</summary>
    public IReadOnlyList<ExplanationShard> Shards()
    {
        var postings = new Dictionary<string, List<ExplainedNeuron>>(StringComparer.Ordinal);
        foreach (var neuron in _neurons)
        {
            foreach (var word in ExplanationWords.Of(neuron.Explanation))
            {
                if (!postings.TryGetValue(word, out var list))
                {
                    postings[word] = list = [];
                }

                list.Add(neuron);
            }
        }

        return [.. postings
            .GroupBy(p => ExplanationWords.ShardOf(p.Key))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Shard(g.Key, g.ToDictionary(p => p.Key, p => Best(p.Value), StringComparer.Ordinal)))];
    }

    private static List<ExplainedNeuron> Best(List<ExplainedNeuron> neurons) =>
        [.. neurons.OrderByDescending(n => n.Score ?? double.NegativeInfinity).ThenBy(n => n.Layer).ThenBy(n => n.Neuron).Take(MaxPostings)];

    private static ExplanationShard Shard(string name, Dictionary<string, List<ExplainedNeuron>> words)
    {
        var entries = words.Values.SelectMany(w => w).Distinct().OrderBy(n => n.Layer).ThenBy(n => n.Neuron).ToList();
        var index = new Dictionary<ExplainedNeuron, int>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            index[entries[i]] = i;
        }

        return new ExplanationShard(
            name,
            entries,
            [.. words.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => (w.Key, (IReadOnlyList<int>)[.. w.Value.Select(n => index[n])]))]);
    }
}
