using NeuroNav.Core;

namespace NeuroNav.Corpus.Gpt4;

/// <summary>How much of each collated-activations sample a layer read keeps per neuron (the corpus keeps everything).</summary>
/// <param name="RecordsPerSample">Records kept per sample: the top records, each quantile bucket, the random sample.</param>
public sealed record Gpt4ReadLimits(int RecordsPerSample = int.MaxValue)
{
    public static readonly Gpt4ReadLimits None = new();
}

/// <summary>
/// The GPT-4 tables of the corpus (OpenAI's neuron-explainer data), beside the Neuroscope tables under the same root:
/// <c>{root}/gpt4_*/{partition}/part-*.parquet</c>, plus rows of the shared <c>coverage</c> table with source
/// <c>gpt4</c>. A batch writes one atomic part per table under one name; reading, a neuron's rows come from the newest
/// part that lists it in <c>gpt4_files</c> (newest wins). See README.md beside the corpus code for the columns.
/// </summary>
public sealed class Gpt4Store
{
    public Gpt4Store(string root)
        : this(CorpusRoot.Open(root))
    {
    }

    public Gpt4Store(string root, CorpusFormat format)
        : this(CorpusRoot.Open(root, format))
    {
    }

    internal Gpt4Store(CorpusRoot corpus)
    {
        Corpus = corpus;
    }

    /// <summary>The corpus this store is part of: every table, its lock, compaction, statistics and census.</summary>
    public CorpusRoot Corpus { get; }

    public string Root => Corpus.Folder;

    public CorpusFormat Format => Corpus.Format;

    /// <summary>
    /// Stores a batch of one layer: the neurons' data (a neuron with nothing stored may be left out) and one coverage
    /// row per attempted neuron. All parts are committed together by one replacement of the layer's part list; on
    /// failure the parts already written are removed.
    /// </summary>
    public async Task WriteBatchAsync(string model, int layer, IReadOnlyList<Gpt4Neuron> neurons, IReadOnlyList<CoverageRow> coverage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(neurons);
        ArgumentNullException.ThrowIfNull(coverage);
        CorpusLayout.ValidateModel(model);
        CorpusLayout.ValidateLayer(layer);
        BatchValidation.CheckCoverage(model, layer, coverage);
        var sorted = Validate(model, layer, neurons);

        using var batch = await PartBatch.BeginAsync(Corpus, model, layer, ct).ConfigureAwait(false);
        var name = batch.NewName(Gpt4Tables.DataTables.Append(CoverageTable.Name));
        await WriteDataAsync(batch, name, sorted, Format, ct).ConfigureAwait(false);
        if (coverage.Count > 0)
        {
            await batch.WriteAsync(CoverageTable.Name, name, CoverageTable.Schema, CoverageTable.Options(Format), w => CoverageTable.WriteRowGroupAsync(w, coverage, ct), ct).ConfigureAwait(false);
        }

        await batch.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The newest coverage row per (neuron, source) of a layer, every source.</summary>
    public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct) => Corpus.ReadCoverageAsync(model, layer, ct);

    /// <summary>The layers of <paramref name="model"/> with GPT-4 data, ascending.</summary>
    public IReadOnlyList<int> Layers(string model)
    {
        CorpusLayout.ValidateModel(model);
        return [.. Corpus.Partitions(t => t.Name == Gpt4Tables.Files).Where(p => p.Model == model).Select(p => p.Layer)];
    }

    /// <summary>Every stored neuron of a layer with all its data (samples capped by <paramref name="limits"/>), ascending by neuron.</summary>
    public Task<IReadOnlyList<Gpt4Neuron>> ReadLayerAsync(string model, int layer, Gpt4ReadLimits? limits, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        return Gpt4LayerReader.ReadAsync(Corpus, model, layer, limits ?? Gpt4ReadLimits.None, full: true, ct);
    }

    /// <summary>Every stored neuron of a layer with its files and explanations only (no simulations, samples or related data).</summary>
    public Task<IReadOnlyList<Gpt4Neuron>> ReadExplanationsAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        return Gpt4LayerReader.ReadAsync(Corpus, model, layer, Gpt4ReadLimits.None, full: false, ct);
    }

    /// <summary>One part per GPT-4 table with rows, under <paramref name="name"/>; <see cref="Gpt4Tables.Files"/> last.</summary>
    internal static async Task WriteDataAsync(PartBatch batch, string name, IReadOnlyList<Gpt4Neuron> sorted, CorpusFormat format, CancellationToken ct)
    {
        foreach (var table in Gpt4Tables.DataTables.Where(t => Gpt4TableWriter.HasRows(t, sorted)))
        {
            await batch.WriteAsync(table, name, Gpt4TableWriter.Schema(table), Gpt4Tables.Options(table, format), w => Gpt4TableWriter.WriteAsync(table, w, sorted, ct), ct).ConfigureAwait(false);
        }
    }

    private static List<Gpt4Neuron> Validate(string model, int layer, IReadOnlyList<Gpt4Neuron> neurons)
    {
        var seen = new HashSet<int>();
        foreach (var n in neurons)
        {
            if (n.Id.Model != model || n.Id.Layer != layer)
            {
                throw new ArgumentException($"GPT-4 data of {n.Id} does not belong to the batch's partition {model}/{layer}.", nameof(neurons));
            }

            if (!seen.Add(n.Id.Neuron) || n.Id.Neuron < 0)
            {
                throw new ArgumentException($"GPT-4 data of {n.Id} appears twice in one batch or has a negative index.", nameof(neurons));
            }

            if (n.Files.Count == 0)
            {
                throw new ArgumentException($"GPT-4 data of {n.Id} names no source file; leave a neuron with nothing stored out of the batch.", nameof(neurons));
            }

            foreach (var e in n.Explanations)
            {
                if (e.Simulations.Any(s => s.Tokens.Length != s.TrueActivations.Length || s.Tokens.Length != s.SimulatedActivations.Length))
                {
                    throw new ArgumentException($"GPT-4 data of {n.Id}: explanation #{e.Index} has a sequence whose tokens and activations differ in length.", nameof(neurons));
                }
            }

            if (n.Activations?.Records.FirstOrDefault(r => r.Tokens.Length != r.Activations.Length) is { } bad)
            {
                throw new ArgumentException($"GPT-4 data of {n.Id}: {Gpt4Names.Kind(bad.Kind)} record #{bad.Index} has tokens and activations of different lengths.", nameof(neurons));
            }
        }

        return [.. neurons.OrderBy(n => n.Id.Neuron)];
    }
}

/// <summary>Opening the GPT-4 store from the root.</summary>
public static class Gpt4Corpus
{
    /// <summary>The GPT-4 tables (and the shared coverage) of this corpus.</summary>
    public static Gpt4Store Gpt4(this CorpusRoot root) => new(root);
}
