using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>The neurons of one layer that each source holds data for in the corpus, by source id.</summary>
public sealed record HeldNeurons(IReadOnlyDictionary<string, IReadOnlySet<int>> BySource)
{
    private static readonly IReadOnlySet<int> None = new HashSet<int>();

    /// <summary>Every neuron any source holds.</summary>
    public IReadOnlySet<int> All => BySource.Values.SelectMany(s => s).ToHashSet();

    /// <summary>The neurons <paramref name="sourceId"/> holds (none for a source without a census table).</summary>
    public IReadOnlySet<int> Of(string sourceId) => BySource.GetValueOrDefault(sourceId) ?? None;



}

/// <summary>
/// Which neurons the corpus holds, by source, read through the part lists from the <c>neuron</c> column of each source's
/// census table (<see cref="CorpusTable.Census"/>: the table that says a neuron has data the site shows): a few bytes per
/// neuron, so a whole layer of gpt2-xl costs milliseconds.
/// </summary>
public static class CorpusNeurons
{
    internal static async Task<HeldNeurons> HeldAsync(CorpusRoot root, string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        var bySource = new Dictionary<string, IReadOnlySet<int>>(StringComparer.Ordinal);
        foreach (var table in root.Tables.Where(t => t.Census && t.SourceId is not null))
        {
            var held = bySource.TryGetValue(table.SourceId!, out var seen) ? (HashSet<int>)seen : [];
            foreach (var part in await CommittedParts.OfAsync(root, table.Name, model, layer, ct).ConfigureAwait(false))
            {
                held.UnionWith(await NeuronsTable.ReadNeuronIdsAsync(part, ct).ConfigureAwait(false));
            }

            bySource[table.SourceId!] = held;
        }

        return new HeldNeurons(bySource);
    }
}
