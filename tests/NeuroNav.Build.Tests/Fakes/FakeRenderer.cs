using System.Collections.Concurrent;
using System.Text;
using NeuroNav.Build.Pages;

namespace NeuroNav.Build.Tests.Fakes;

/// <summary>Renders each page as one line naming what it was given, and records every call.</summary>
internal sealed class FakeRenderer : IPageRenderer
{
    public ConcurrentQueue<NeuronPageModel> Neurons { get; } = new();

    public List<LayerPageModel> Layers { get; } = [];

    public List<ModelPageModel> Models { get; } = [];

    public List<IndexPageModel> Indexes { get; } = [];

    public List<StaticFile> Static { get; } = [new("assets/site.css", "body{}"u8.ToArray())];

    public byte[] RenderNeuron(NeuronPageModel model)
    {
        Neurons.Enqueue(model);
        var maxActs = string.Join(',', model.Neuroscope?.Texts.Select(t => t.MaxActivation) ?? []);
        return Utf8($"neuron {model.Id} max={maxActs} prev={model.HasPrevious} next={model.HasNext} original={model.NeuroscopeUrl}");
    }

    public byte[] RenderSitePage(SitePageModel page) =>
        Utf8($"{page.Template} {(page.View is NeuroNav.Build.Neuron2Graph.SearchPageModel search ? string.Join(',', search.Models) : page.View)}");

    public byte[] RenderLayer(LayerPageModel model)
    {
        Layers.Add(model);
        return Utf8($"layer {model.Model.Id}/{model.Layer} neurons={string.Join(',', model.Neurons.Select(n => $"{n.Neuron}:{n.MaxActivation}"))}");
    }

    public byte[] RenderModel(ModelPageModel model)
    {
        Models.Add(model);
        return Utf8($"model {model.Model.Id} top={string.Join(',', model.Layers.SelectMany(l => l.Top).Select(n => $"{n.Neuron}:{n.MaxActivation}"))}");
    }

    public byte[] RenderIndex(IndexPageModel model)
    {
        Indexes.Add(model);
        return Utf8($"index {string.Join(',', model.Models.Select(m => m.Model.Id))}");
    }

    public IReadOnlyList<StaticFile> StaticFiles() => Static;

    private static byte[] Utf8(FormattableString s) => Encoding.UTF8.GetBytes(FormattableString.Invariant(s));
}
