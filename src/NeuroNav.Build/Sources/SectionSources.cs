using System.Text.Json;
using NeuroNav.Core;

namespace NeuroNav.Build.Sources;

/// <summary>
/// A source other than Neuroscope (GPT-4 explanations, Neuron2Graph) that adds a section to the neuron document,
/// its own per-source document (<c>/api/&lt;model&gt;/&lt;service&gt;/&lt;layer&gt;/&lt;neuron&gt;.json</c>) and a part of the neuron page.
/// The builder loads one layer of every source before it renders that layer; a source with nothing for a neuron
/// leaves that neuron's key <c>null</c> and its label out of <c>available</c>.
/// </summary>
public interface ISectionSource
{
    /// <summary><see cref="SourceInfo.Gpt4"/> or <see cref="SourceInfo.Neuron2Graph"/>: names the document key, the service path and the label.</summary>
    SourceInfo Source { get; }

    /// <summary>What the source has for one layer, held in memory while the layer renders (a few KB per neuron at most).</summary>
    /// <exception cref="BuildException">Stored data that would make a wrong site; the message names the model and layer.</exception>
    Task<ILayerSections> LoadLayerAsync(ModelInfo model, int layer, CancellationToken ct);
}

/// <summary>One source's data for one layer. Read from several threads at once; implementations are immutable.</summary>
public interface ILayerSections
{
    /// <summary>The neuron's section, or null when the source has nothing for it.</summary>
    INeuronSection? Get(int neuron);

    /// <summary>
    /// The neurons that have a section, in any order. The layer's neurons (documents, pages, listings) are the union of
    /// these over the sources with the neurons Neuroscope stores; the default, none, suits a source whose sections only
    /// accompany neurons that another source holds.
    /// </summary>
    IEnumerable<int> Neurons => [];
}

/// <summary>One neuron's data from one source, ready to write. Thread-safe to read.</summary>
public interface INeuronSection
{
    /// <summary>Writes the section object: the value of the source's key in the neuron document and of its per-source document.</summary>
    void WriteJson(Utf8JsonWriter writer);

    /// <summary>The source's <c>explanation-score</c> (what the listings rank by), or null when there is none.</summary>
    double? Score { get; }

    /// <summary>A one-line text for listings and search (GPT-4's explanation); null when the source has none.</summary>
    string? Summary { get; }

    /// <summary>What the source's template (<c>templates/&lt;source id&gt;.sbn</c>) receives as <c>page</c> on the neuron page.</summary>
    object PageView { get; }
}

/// <summary>One source's section of one neuron.</summary>
public sealed record NeuronSection(SourceInfo Source, INeuronSection Data);

/// <summary>A layer for which no source has anything.</summary>
public sealed class EmptyLayerSections : ILayerSections
{
    public static readonly EmptyLayerSections Instance = new();

    public INeuronSection? Get(int neuron) => null;
}
