namespace NeuroNav.Corpus;

/// <summary>
/// One table of the corpus, as the source that owns it declares it. The <see cref="CorpusRoot"/> it is registered with
/// lays it out (<c>{root}/{Name}/{partition}/part-*.parquet</c>, <see cref="PartitionPath"/>), lists, checks, locks, compacts, counts, sweeps
/// and publishes it like every other table; nothing generic names it.
/// </summary>
/// <param name="Name">Folder name and <c>neuronav.table</c> metadata: lower-case letters, digits and '_'.</param>
/// <param name="SourceId">The source that writes it (<c>neuroscope</c>, <c>gpt4</c>, <c>neuron2graph</c>), or null for a
/// table every source writes (<c>coverage</c>).</param>
/// <param name="SchemaVersion">The table's schema version, written into every part's <c>neuronav.schema_version</c>.</param>
/// <param name="Compaction">How <c>compact</c> rewrites it; tables that share one instance are compacted together.</param>
public sealed record CorpusTable(string Name, string? SourceId, int SchemaVersion, TableCompaction Compaction)
{
    /// <summary>Whether its <c>neuron</c> column says that the source holds a neuron (one such table per source): the census.</summary>
    public bool Census { get; init; }

    /// <summary>Checks the name and version; throws naming the table.</summary>
    public CorpusTable Validated()
    {
        if (string.IsNullOrEmpty(Name) || !Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') || Name.StartsWith('_'))
        {
            throw new ArgumentException($"Corpus table name '{Name}' is not a folder name of lower-case letters, digits and '_' (not starting with '_').");
        }

        return SchemaVersion < 1 ? throw new ArgumentException($"Corpus table {Name} has schema version {SchemaVersion}; versions start at 1.") : this;
    }
}
