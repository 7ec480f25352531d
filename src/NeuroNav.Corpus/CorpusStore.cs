using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>
/// Neuroscope's store in the corpus (its texts and neurons tables) and the coverage every source writes: what the build
/// reads as its backbone and the Neuroscope scraper writes. Opened from a <see cref="CorpusRoot"/> (<c>root.Neuroscope()</c>);
/// every file is written atomically. See README.md beside this file for the format.
/// </summary>
public sealed class CorpusStore : ICorpusReader, ICorpusWriter
{
    public CorpusStore(string root)
        : this(CorpusRoot.Open(root))
    {
    }

    public CorpusStore(string root, CorpusFormat format)
        : this(CorpusRoot.Open(root, format))
    {
    }

    internal CorpusStore(CorpusRoot corpus)
    {
        Corpus = corpus;
    }

    /// <summary>The corpus this store is part of: every table, its lock, compaction, statistics and census.</summary>
    public CorpusRoot Corpus { get; }

    /// <inheritdoc cref="ICorpusReader.OnDisk"/>
    public CorpusRoot OnDisk => Corpus;

    public string Root => Corpus.Folder;

    public CorpusFormat Format => Corpus.Format;

    /// <summary>The neurons of a layer whose Neuroscope data is stored.</summary>
    public async Task<IReadOnlySet<int>> StoredNeuronsAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        var stored = new HashSet<int>();
        foreach (var part in await CommittedParts.OfAsync(Corpus, NeuroscopeTables.Neurons, model, layer, ct).ConfigureAwait(false))
        {
            stored.UnionWith(await NeuronsTable.ReadNeuronIdsAsync(part, ct).ConfigureAwait(false));
        }

        return stored;
    }

    /// <summary>The newest coverage row per (neuron, source) of a layer: latest attempted_at, ties to the later part; sorted by neuron, source.</summary>
    public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct) => Corpus.ReadCoverageAsync(model, layer, ct);

    /// <summary>
    /// Stores a batch of one layer: the neurons fetched and a coverage row for every attempt. One atomic part file per
    /// table (a table with no rows in this batch gets none), all with the same part name, committed together by one
    /// replacement of the layer's part list: a process killed mid-batch leaves unlisted files that no reader sees and
    /// the next writer removes, so the next scrape fetches those neurons again. On failure the files written are removed.
    /// </summary>
    public async Task WriteBatchAsync(string model, int layer, IReadOnlyList<NeuroscopeNeuron> neurons, IReadOnlyList<CoverageRow> coverage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(neurons);
        ArgumentNullException.ThrowIfNull(coverage);
        CorpusLayout.ValidateModel(model);
        CorpusLayout.ValidateLayer(layer);
        var sorted = BatchValidation.SortedNeurons(model, layer, neurons);
        BatchValidation.CheckCoverage(model, layer, coverage);

        using var batch = await PartBatch.BeginAsync(Corpus, model, layer, ct).ConfigureAwait(false);
        var name = batch.NewName([NeuroscopeTables.Texts, NeuroscopeTables.Neurons, CoverageTable.Name]);
        if (sorted.Any(n => n.Texts.Count > 0))
        {
            await batch.WriteAsync(NeuroscopeTables.Texts, name, TextsTable.Schema, TextsTable.Options(Format), w => TextsTable.WriteRowGroupAsync(w, sorted, ct), ct).ConfigureAwait(false);
        }

        if (coverage.Count > 0)
        {
            await batch.WriteAsync(CoverageTable.Name, name, CoverageTable.Schema, CoverageTable.Options(Format), w => CoverageTable.WriteRowGroupAsync(w, coverage, ct), ct).ConfigureAwait(false);
        }

        if (sorted.Count > 0)
        {
            var rows = sorted.Select(NeuronRow.Of).ToList();
            await batch.WriteAsync(NeuroscopeTables.Neurons, name, NeuronsTable.Schema, NeuronsTable.Options(Format), w => NeuronsTable.WriteRowGroupAsync(w, rows, ct), ct).ConfigureAwait(false);
        }

        await batch.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The stored neurons of a layer, ascending by neuron, the newest copy of each; streams row group by row group.</summary>
    public IAsyncEnumerable<NeuroscopeNeuron> ReadLayerAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        return LayerReader.ReadAsync(Corpus, model, layer, ct);
    }

    /// <summary>Every (model, layer) whose part list holds a Neuroscope or coverage part, sorted by model (ordinal) then layer.</summary>
    public IReadOnlyList<(string Model, int Layer)> Partitions() => Corpus.Partitions(t => t.SourceId is null || t.SourceId == SourceInfo.Neuroscope.Id);

    /// <summary>Compacts every table of the layer (<see cref="CorpusRoot.CompactAsync"/>).</summary>
    public Task CompactAsync(string model, int layer, CancellationToken ct) => Corpus.CompactAsync(model, layer, ct);

    /// <summary>Compaction that reports each point of its commit to <paramref name="reached"/> (tests stop it there).</summary>
    internal Task CompactAsync(string model, int layer, Func<Compactor.Step, Task> reached, CancellationToken ct) => Corpus.CompactAsync(model, layer, reached, ct);

    /// <summary>Part count, bytes and rows of each table of a layer (<see cref="CorpusRoot.StatsAsync"/>).</summary>
    public Task<CorpusStats> StatsAsync(string model, int layer, CancellationToken ct) => Corpus.StatsAsync(model, layer, ct);
}

/// <summary>Opening Neuroscope's store from the root.</summary>
public static class NeuroscopeCorpus
{
    /// <summary>Neuroscope's texts and neurons, and the shared coverage, of this corpus.</summary>
    public static CorpusStore Neuroscope(this CorpusRoot root) => new(root);
}
