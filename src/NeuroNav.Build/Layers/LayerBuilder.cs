using System.Collections.Concurrent;
using NeuroNav.Build.Api;
using NeuroNav.Build.Coverage;
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
    private readonly SourceSet _sources;
    private long _neurons;

    public LayerBuilder(OutputWriter output, IPageRenderer pages, SourceSet sources, int parallelism, IProgress<long>? progress)
    {
        _output = output;
        _sources = sources;
        _pages = pages;
        _parallelism = parallelism;
        _progress = progress;
    }

    /// <summary>Neurons rendered so far.</summary>
    public long Neurons => Interlocked.Read(ref _neurons);

    /// <summary>
    /// Renders every neuron of the layer that any source holds (those Neuroscope stores and those the other sources have a
    /// section for); returns their summaries, ascending by neuron. <paramref name="coverage"/> gives each source's status.
    /// </summary>
    public async Task<IReadOnlyList<NeuronSummary>> RenderAsync(
        ModelInfo model, int layer, IAsyncEnumerable<NeuroscopeNeuron> neurons, LayerCoverage coverage, IReadOnlyList<int> layersWithData, CancellationToken ct)
    {
        var metadata = JsonOutput.Serialize(IndexDocuments.Metadata(model), ApiJsonContext.Default.ModelMetadataDoc);
        var sections = await NeuronSections.LoadAsync(_sources, model, layer, ct).ConfigureAwait(false);
        var summaries = new ConcurrentBag<NeuronSummary>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(LayerStream.WithNeighbours(model, layer, neurons, sections.Neurons(), ct), options, (item, _) =>
        {
            summaries.Add(Render(model, metadata, item, sections.For(item.Id.Neuron), coverage, layersWithData));
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
        await foreach (var item in LayerStream.WithNeighbours(model, layer, neurons, sections.Neurons(), ct).ConfigureAwait(false))
        {
            var n = item.Id.Neuron;
            summaries.Add(NeuronStatistics.Of(item.Neuroscope).ToSummary(n, item.Neuroscope is not null, sections.For(n), _sources.Columns));
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

    private NeuronSummary Render(
        ModelInfo model, byte[] metadata, LayerNeuron item, IReadOnlyList<NeuronSection> sections, LayerCoverage coverage, IReadOnlyList<int> layersWithData)
    {
        var neuron = item.Neuroscope;
        var (m, layer, n) = item.Id;
        var producer = $"neuron {item.Id}";
        var stats = NeuronStatistics.Of(neuron);
        var statuses = coverage.For(n, neuron is not null, sections, _sources);
        var writer = _writers.TryTake(out var w) ? w : new NeuronDocumentWriter([.. _sources.Sections.Select(s => s.Source)]);
        try
        {
            var section = neuron is null ? default : writer.WriteSection(neuron);
            _output.Write(ApiPaths.Neuron(m, layer, n), writer.WriteNeuron(item, metadata, stats, section, sections, statuses), producer);
            if (neuron is not null)
            {
                _output.Write(ApiPaths.Neuroscope(m, layer, n), writer.WriteNeuroscope(neuron, section), producer);
            }

            foreach (var other in sections)
            {
                _output.Write(ApiPaths.SourceDocument(other.Source, m, layer, n), writer.WriteSourceDocument(item.Id, other), producer);
            }
        }
        finally
        {
            _writers.Add(writer);
        }

        var page = new NeuronPageModel(model, item.Id, neuron, item.HasPrevious, item.HasNext, ApiPaths.NeuroscopeOriginal(m, layer, n), sections)
        {
            LayersWithData = layersWithData,
            Coverage = statuses,
        };
        _output.Write(ApiPaths.NeuronHtml(m, layer, n), _pages.RenderNeuron(page), producer);
        return stats.ToSummary(n, neuron is not null, sections, _sources.Columns);
    }
}
