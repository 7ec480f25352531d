using System.Globalization;
using NeuroNav.Core;

namespace NeuroNav.Corpus.Weights;

/// <summary>
/// The weights tables of the corpus (<c>{root}/weights_*/{partition}/part-*.parquet</c>). A write stores one layer whole:
/// its neurons, the provenance of the model's files and a coverage row per neuron (source <c>weights</c>), under one part
/// name, and takes the layer's older weights parts off the list in the same commit, so a layer always reads from one part.
/// </summary>
public sealed class WeightsStore
{
    internal WeightsStore(CorpusRoot corpus)
    {
        Corpus = corpus;
    }

    public CorpusRoot Corpus { get; }

    /// <summary>Replaces the layer's weights data with <paramref name="neurons"/>, computed from <paramref name="provenance"/>'s files. The caller holds the lock.</summary>
    public async Task WriteLayerAsync(string model, int layer, IReadOnlyList<WeightsNeuron> neurons, WeightsProvenance provenance, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(neurons);
        ArgumentNullException.ThrowIfNull(provenance);
        CorpusLayout.ValidateModel(model);
        CorpusLayout.ValidateLayer(layer);
        foreach (var n in neurons.Where(n => n.Id.Model != model || n.Id.Layer != layer))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"weights of {n.Id} do not belong to the partition {model}/{layer}"));
        }

        var sorted = neurons.OrderBy(n => n.Id.Neuron).ToList();
        var url = "hf://" + provenance.Checkpoint;
        var coverage = sorted.Select(n => new CoverageRow(model, layer, n.Id.Neuron, SourceInfo.Weights.Id, CoverageStatus.Present, null, url, null, provenance.ComputedAt)).ToList();
        var old = WeightsTables.Tables.SelectMany(t => CommittedParts.Entries(Corpus, t, model, layer)).Select(p => p.Path).ToList();

        using var batch = await PartBatch.BeginAsync(Corpus, model, layer, ct).ConfigureAwait(false);
        var name = batch.NewName([.. WeightsTables.Tables, CoverageTable.Name]);
        await batch.WriteAsync(WeightsTables.Neurons, name, WeightsTables.NeuronsSchema, WeightsTables.NeuronsOptions(Corpus.Format), w => WeightsRowGroups.WriteNeuronsAsync(w, sorted, ct), ct).ConfigureAwait(false);
        await batch.WriteAsync(WeightsTables.Provenance, name, WeightsTables.ProvenanceColumns.Schema, WeightsTables.ProvenanceOptions(Corpus.Format), w => WeightsRowGroups.WriteProvenanceAsync(w, provenance, ct), ct).ConfigureAwait(false);
        if (coverage.Count > 0)
        {
            await batch.WriteAsync(CoverageTable.Name, name, CoverageTable.Schema, CoverageTable.Options(Corpus.Format), w => CoverageTable.WriteRowGroupAsync(w, coverage, ct), ct).ConfigureAwait(false);
        }

        await batch.CommitAsync(old, ct).ConfigureAwait(false);
        PartWriter.Delete([.. old.Select(p => Path.Combine(Corpus.Folder, p))]);
    }

    /// <summary>The layer's neurons, by neuron; empty when the layer has no weights data.</summary>
    public async Task<IReadOnlyList<WeightsNeuron>> ReadLayerAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        var parts = await CommittedParts.OfAsync(Corpus, WeightsTables.Neurons, model, layer, ct).ConfigureAwait(false);
        return parts.Count == 0 ? [] : await WeightsRowGroups.ReadNeuronsAsync(parts[^1], model, layer, new StringPool(), ct).ConfigureAwait(false);
    }

    /// <summary>Where the layer's numbers come from, or null when the layer has none.</summary>
    public async Task<WeightsProvenance?> ReadProvenanceAsync(string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        var parts = await CommittedParts.OfAsync(Corpus, WeightsTables.Provenance, model, layer, ct).ConfigureAwait(false);
        return parts.Count == 0 ? null : await WeightsRowGroups.ReadProvenanceAsync(parts[^1], model, ct).ConfigureAwait(false);
    }

    /// <summary>Where the model's numbers come from: the provenance of its lowest layer with weights data, or null.</summary>
    public async Task<WeightsProvenance?> ReadProvenanceAsync(string model, CancellationToken ct)
    {
        foreach (var layer in Layers(model))
        {
            if (await ReadProvenanceAsync(model, layer, ct).ConfigureAwait(false) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The layers of <paramref name="model"/> with weights data, ascending.</summary>
    public IReadOnlyList<int> Layers(string model)
    {
        CorpusLayout.ValidateModel(model);
        return [.. Corpus.Partitions(t => t.Name == WeightsTables.Provenance).Where(p => p.Model == model).Select(p => p.Layer)];
    }
}

/// <summary>Opening the weights store from the root.</summary>
public static class WeightsCorpus
{
    /// <summary>The weights tables of this corpus.</summary>
    public static WeightsStore Weights(this CorpusRoot root) => new(root);
}
