using System.Collections.Concurrent;
using NeuroNav.Build.Api;
using NeuroNav.Build.Output;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;
using NeuroNav.Core;

namespace NeuroNav.Build.Layers;

/// <summary>
/// Renders the neurons of one layer at a time: streams them from the corpus, renders and writes each neuron's
/// documents and page on a bounded number of workers, and keeps only each neuron's small summary.
/// </summary>
internal sealed class LayerBuilder : IDisposable
{
    private readonly OutputWriter _output;
    private readonly IPageRenderer _pages;
    private readonly int _parallelism;
    private readonly ConcurrentBag<NeuronDocumentWriter> _writers = [];
    private readonly IProgress<long>? _progress;
    private readonly IReadOnlyList<ISectionSource> _sources;
    private long _neurons;

    public LayerBuilder(OutputWriter output, IPageRenderer pages, IReadOnlyList<ISectionSource> sources, int parallelism, IProgress<long>? progress)
    {
        _output = output;
        _sources = sources;
        _pages = pages;
        _parallelism = parallelism;
        _progress = progress;
    }

    /// <summary>Neurons rendered so far.</summary>
    public long Neurons => Interlocked.Read(ref _neurons);

    /// <summary>Renders every neuron of the layer; returns their summaries, ascending by neuron.</summary>
    public async Task<IReadOnlyList<NeuronSummary>> RenderAsync(
        ModelInfo model, int layer, IAsyncEnumerable<NeuroscopeNeuron> neurons, IReadOnlyList<int> layersWithData, CancellationToken ct)
    {
        var metadata = JsonOutput.Serialize(IndexDocuments.Metadata(model), ApiJsonContext.Default.ModelMetadataDoc);
        var sections = await NeuronSections.LoadAsync(_sources, model, layer, ct).ConfigureAwait(false);
        var summaries = new ConcurrentBag<NeuronSummary>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(LayerStream.WithNeighbours(model, layer, neurons, ct), options, (item, _) =>
        {
            summaries.Add(Render(model, metadata, item, sections.For(item.Neuron.Id.Neuron), layersWithData));
            var done = Interlocked.Increment(ref _neurons);
            if (done % 64 == 0)
            {
                _progress?.Report(done);
            }

            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        _progress?.Report(Neurons);
        return [.. summaries.OrderBy(s => s.Neuron)];
    }

    /// <summary>The summaries of a layer without writing anything (a layer outside the range being built).</summary>
    public async Task<IReadOnlyList<NeuronSummary>> SummarizeAsync(
        ModelInfo model, int layer, IAsyncEnumerable<NeuroscopeNeuron> neurons, CancellationToken ct)
    {
        var sections = await NeuronSections.LoadAsync(_sources, model, layer, ct).ConfigureAwait(false);
        var summaries = new List<NeuronSummary>();
        await foreach (var item in LayerStream.WithNeighbours(model, layer, neurons, ct).ConfigureAwait(false))
        {
            summaries.Add(NeuronStatistics.Of(item.Neuron).ToSummary(item.Neuron.Id.Neuron, sections.For(item.Neuron.Id.Neuron)));
        }

        return summaries;
    }

    public void Dispose()
    {
        while (_writers.TryTake(out var writer))
        {
            writer.Dispose();
        }
    }

    private NeuronSummary Render(ModelInfo model, byte[] metadata, LayerNeuron item, IReadOnlyList<NeuronSection> sections, IReadOnlyList<int> layersWithData)
    {
        var neuron = item.Neuron;
        var (m, layer, n) = neuron.Id;
        var producer = $"neuron {neuron.Id}";
        var stats = NeuronStatistics.Of(neuron);
        var writer = _writers.TryTake(out var w) ? w : new NeuronDocumentWriter();
        try
        {
            var section = writer.WriteSection(neuron);
            _output.Write(ApiPaths.Neuron(m, layer, n), writer.WriteNeuron(neuron, metadata, stats, item.HasPrevious, item.HasNext, section, sections), producer);
            _output.Write(ApiPaths.Neuroscope(m, layer, n), writer.WriteNeuroscope(neuron, section), producer);
            foreach (var other in sections)
            {
                _output.Write(ApiPaths.SourceDocument(other.Source, m, layer, n), writer.WriteSourceDocument(neuron.Id, other), producer);
            }
        }
        finally
        {
            _writers.Add(writer);
        }

        var page = new NeuronPageModel(model, neuron.Id, neuron, item.HasPrevious, item.HasNext, ApiPaths.NeuroscopeOriginal(m, layer, n), sections)
        {
            LayersWithData = layersWithData,
        };
        _output.Write(ApiPaths.NeuronHtml(m, layer, n), _pages.RenderNeuron(page), producer);
        return stats.ToSummary(n, sections);
    }
}
