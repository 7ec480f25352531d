using System.Text.Json;
using NeuroNav.Build.Sources;
using NeuroNav.Core;

namespace NeuroNav.Build.Tests.Fakes;

/// <summary>
/// A stand-in for a source module (given without data: its id, key, columns, schemas and labels) whose section for
/// (model, layer, neuron) is a fixed score and text, for the neurons given.
/// </summary>
internal sealed class FakeSectionSource(ISectionSource module, IReadOnlyDictionary<NeuronId, (double? Score, string Text)> sections) : ISectionSource
{
    public SourceInfo Source => module.Source;

    public SourceContributions Contributions => module.Contributions;

    public List<(string Model, int Layer)> LayersLoaded { get; } = [];

    public Task<ILayerSections> LoadLayerAsync(ModelInfo model, int layer, CancellationToken ct)
    {
        lock (LayersLoaded)
        {
            LayersLoaded.Add((model.Id, layer));
        }

        var mine = sections.Where(s => s.Key.Model == model.Id && s.Key.Layer == layer).ToDictionary(s => s.Key.Neuron, s => new Section(s.Value.Score, s.Value.Text));
        return Task.FromResult<ILayerSections>(new Layer(mine));
    }

    private sealed class Layer(Dictionary<int, Section> sections) : ILayerSections
    {
        public INeuronSection? Get(int neuron) => sections.GetValueOrDefault(neuron);

        public IEnumerable<int> Neurons => sections.Keys;
    }

    private sealed record Section(double? Score, string Text) : INeuronSection
    {
        public string? Summary => Text;

        public object PageView => this;

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            if (Score is { } score)
            {
                writer.WriteNumber("explanation-score", score);
            }
            else
            {
                writer.WriteNull("explanation-score");
            }

            writer.WriteString("explanation", Text);
            writer.WriteEndObject();
        }
    }
}
