using NeuroNav.Core;

namespace NeuroNav.Corpus;

/// <summary>
/// The Parquet corpus under one root folder, Hive-partitioned by model and layer:
/// <c>{root}/neuroscope_texts/model={m}/layer={l}/part-*.parquet</c>, <c>{root}/neuroscope_neurons/...</c>,
/// <c>{root}/coverage/...</c>. Every file is written atomically. See README.md beside this file for the format.
/// </summary>
public sealed class CorpusStore : ICorpusReader, ICorpusWriter
{
    public CorpusStore(string root)
        : this(root, CorpusFormat.Default)
    {
    }

    public CorpusStore(string root, CorpusFormat format)
    {
        Root = Path.GetFullPath(root);
        Format = format;
    }

    public string Root { get; }

    public CorpusFormat Format { get; }

    /// <summary>The neurons of a layer whose Neuroscope data is stored.</summary>
    public async Task<IReadOnlySet<int>> StoredNeuronsAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        var stored = new HashSet<int>();
        foreach (var part in await CommittedParts.OfAsync(Root, CorpusLayout.Neurons, model, layer, ct).ConfigureAwait(false))
        {
            stored.UnionWith(await NeuronsTable.ReadNeuronIdsAsync(part, ct).ConfigureAwait(false));
        }

        return stored;
    }

    /// <summary>The newest coverage row per (neuron, source) of a layer: latest attempted_at, ties to the later part; sorted by neuron, source.</summary>
    public async Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        var pool = new StringPool();
        var newest = new Dictionary<(int Neuron, string Source), CoverageRow>();
        foreach (var part in await CommittedParts.OfAsync(Root, CorpusLayout.Coverage, model, layer, ct).ConfigureAwait(false))
        {
            foreach (var row in await CoverageTable.ReadAllAsync(part, model, layer, pool, ct).ConfigureAwait(false))
            {
                var key = (row.Neuron, row.Source);
                if (!newest.TryGetValue(key, out var seen) || row.AttemptedAt >= seen.AttemptedAt)
                {
                    newest[key] = row;
                }
            }
        }

        return [.. newest.Values.OrderBy(r => r.Neuron).ThenBy(r => r.Source, StringComparer.Ordinal)];
    }

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

        using var batch = await PartBatch.BeginAsync(Root, model, layer, ct).ConfigureAwait(false);
        var name = CorpusLayout.NewPartName(CorpusLayout.Tables.Select(t => Dir(t, model, layer)));
        if (sorted.Any(n => n.Texts.Count > 0))
        {
            await batch.WriteAsync(Path.Combine(Dir(CorpusLayout.Texts, model, layer), name), TextsTable.Schema, TextsTable.Options(Format), w => TextsTable.WriteRowGroupAsync(w, sorted, ct), ct).ConfigureAwait(false);
        }

        if (coverage.Count > 0)
        {
            await batch.WriteAsync(Path.Combine(Dir(CorpusLayout.Coverage, model, layer), name), CoverageTable.Schema, CoverageTable.Options(Format), w => CoverageTable.WriteRowGroupAsync(w, coverage, ct), ct).ConfigureAwait(false);
        }

        if (sorted.Count > 0)
        {
            var rows = sorted.Select(NeuronRow.Of).ToList();
            await batch.WriteAsync(Path.Combine(Dir(CorpusLayout.Neurons, model, layer), name), NeuronsTable.Schema, NeuronsTable.Options(Format), w => NeuronsTable.WriteRowGroupAsync(w, rows, ct), ct).ConfigureAwait(false);
        }

        await batch.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The stored neurons of a layer, ascending by neuron, the newest copy of each; streams row group by row group.</summary>
    public IAsyncEnumerable<NeuroscopeNeuron> ReadLayerAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        return LayerReader.ReadAsync(Root, model, layer, ct);
    }

    /// <summary>Every (model, layer) whose part list holds a Neuroscope or coverage part, sorted by model (ordinal) then layer.</summary>
    public IReadOnlyList<(string Model, int Layer)> Partitions() => CorpusLayout.Partitions(Root, CorpusLayout.Tables);

    /// <summary>
    /// Rewrites a layer's parts into one part per table: newest copy of each neuron, newest coverage row per (neuron, source),
    /// sorted. The new files are committed first, then the old parts are deleted. Not meant to run while another process
    /// writes the same layer.
    /// </summary>
    public Task CompactAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        return Compactor.CompactAsync(this, model, layer, ct);
    }

    /// <summary>Compaction that reports each point of its commit to <paramref name="reached"/> (tests stop it there).</summary>
    internal Task CompactAsync(string model, int layer, Func<Compactor.Step, Task> reached, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        return Compactor.CompactAsync(this, model, layer, ct, reached);
    }

    /// <summary>Part count, bytes and rows of each table of a layer.</summary>
    public Task<CorpusStats> StatsAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(CorpusStats.Read(Root, model, layer));
    }

    internal string Dir(string table, string model, int layer) => CorpusLayout.PartitionDir(Root, table, model, layer);
}
