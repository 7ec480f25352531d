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
        foreach (var part in CorpusLayout.Parts(Dir(CorpusLayout.Neurons, model, layer)))
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
        foreach (var part in CorpusLayout.Parts(Dir(CorpusLayout.Coverage, model, layer)))
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
    /// table (a table with no rows in this batch gets none), all three with the same part name. The neurons part is the
    /// commit point and comes last: a neuron is never listed without its texts and its coverage row, so a process killed
    /// mid-batch leaves neurons that the next scrape fetches again, never ones it skips without a coverage row.
    /// On failure the files already committed are removed.
    /// </summary>
    public async Task WriteBatchAsync(string model, int layer, IReadOnlyList<NeuroscopeNeuron> neurons, IReadOnlyList<CoverageRow> coverage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(neurons);
        ArgumentNullException.ThrowIfNull(coverage);
        CorpusLayout.ValidateModel(model);
        CorpusLayout.ValidateLayer(layer);
        var sorted = BatchValidation.SortedNeurons(model, layer, neurons);
        BatchValidation.CheckCoverage(model, layer, coverage);

        var dirs = CorpusLayout.Tables.Select(t => Dir(t, model, layer)).ToList();
        var name = CorpusLayout.NewPartName(dirs);
        var committed = new List<string>();
        try
        {
            if (sorted.Any(n => n.Texts.Count > 0))
            {
                var path = Path.Combine(Dir(CorpusLayout.Texts, model, layer), name);
                await PartWriter.WriteAsync(path, TextsTable.Schema, TextsTable.Options(Format), w => TextsTable.WriteRowGroupAsync(w, sorted, ct), ct).ConfigureAwait(false);
                committed.Add(path);
            }

            if (coverage.Count > 0)
            {
                var path = Path.Combine(Dir(CorpusLayout.Coverage, model, layer), name);
                await PartWriter.WriteAsync(path, CoverageTable.Schema, CoverageTable.Options(Format), w => CoverageTable.WriteRowGroupAsync(w, coverage, ct), ct).ConfigureAwait(false);
                committed.Add(path);
            }

            if (sorted.Count > 0)
            {
                var path = Path.Combine(Dir(CorpusLayout.Neurons, model, layer), name);
                var rows = sorted.Select(NeuronRow.Of).ToList();
                await PartWriter.WriteAsync(path, NeuronsTable.Schema, NeuronsTable.Options(Format), w => NeuronsTable.WriteRowGroupAsync(w, rows, ct), ct).ConfigureAwait(false);
                committed.Add(path);
            }
        }
        catch
        {
            PartWriter.RollBack(committed);
            throw;
        }
    }

    /// <summary>The stored neurons of a layer, ascending by neuron, the newest copy of each; streams row group by row group.</summary>
    public IAsyncEnumerable<NeuroscopeNeuron> ReadLayerAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        return LayerReader.ReadAsync(Root, model, layer, ct);
    }

    /// <summary>Every (model, layer) that has a part file in any table, sorted by model (ordinal) then layer.</summary>
    public IReadOnlyList<(string Model, int Layer)> Partitions() => CorpusLayout.Partitions(Root);

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

    /// <summary>Part count, bytes and rows of each table of a layer.</summary>
    public Task<CorpusStats> StatsAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        return CorpusStats.ReadAsync(Root, model, layer, ct);
    }

    internal string Dir(string table, string model, int layer) => CorpusLayout.PartitionDir(Root, table, model, layer);
}
