using System.Globalization;
using System.Text;
using System.Text.Json;
using NeuroNav.Build.Output;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;
using NeuroNav.Core;

namespace NeuroNav.Build.Tests.Sources;

/// <summary>
/// A fourth source that exists only in this test project: the norm of each neuron's output weights. It contributes
/// through the build seam alone: its document key, per-source document, page template (<see cref="Template"/>, written
/// beside the site's templates), a listing column, coverage rows, a model-wide output (a list of its neurons) and its
/// per-source schema (<see cref="Schema"/>), from which the neuron schema takes its section.
/// </summary>
internal sealed class ToyWeightsSource(IReadOnlyDictionary<NeuronId, double> norms) : ISectionSource
{
    public static readonly SourceInfo Info = new("toyweights", "Toy Weight Norm", "toyweights");

    public static readonly SourceColumn Norm = SourceColumn.Number(Info, "toyweights_norm", "Norm", s => s.Score);

    public const string Template = """<section id="toyweights"><h2>Toy weights</h2><p class="toy-norm">{{ page.norm }}</p></section>""";

    /// <summary>
    /// The per-source document: its section is a reference to a definition, which refers to another definition named
    /// like one of the neuron schema's (<c>provenance</c>) but different, so the neuron schema must keep both apart.
    /// </summary>
    public const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Toy weights of one neuron (api/<model>/toyweights/<layer>/<neuron>.json)",
          "type": "object",
          "additionalProperties": false,
          "required": ["schema", "schema_version", "model", "layer", "neuron", "toyweights"],
          "properties": {
            "schema": { "const": "toyweights" },
            "schema_version": { "const": 1 },
            "model": { "type": "string" },
            "layer": { "type": "integer", "minimum": 0 },
            "neuron": { "type": "integer", "minimum": 0 },
            "toyweights": { "$ref": "#/$defs/norms" }
          },
          "$defs": {
            "norms": {
              "type": "object",
              "additionalProperties": false,
              "required": ["norm", "provenance"],
              "properties": {
                "norm": { "type": "number", "minimum": 0 },
                "provenance": { "$ref": "#/$defs/provenance" }
              }
            },
            "provenance": { "const": "synthetic" }
          }
        }
        """;

    public SourceInfo Source => Info;

    public SourceContributions Contributions { get; } = new("https://example.org/toy-weights", "Toy weight norm", "Toy weights")
    {
        Columns = [Norm],
        Schemas = [new SchemaFile("toyweights", Encoding.UTF8.GetBytes(Schema))],
    };

    public ISiteOutputs Outputs { get; } = new NeuronList();

    public Task<ILayerSections> LoadLayerAsync(ModelInfo model, int layer, CancellationToken ct) =>
        Task.FromResult<ILayerSections>(new Layer(norms.Where(n => n.Key.Model == model.Id && n.Key.Layer == layer).ToDictionary(n => n.Key.Neuron, n => new Section(n.Value))));

    private sealed class Layer(Dictionary<int, Section> sections) : ILayerSections
    {
        public INeuronSection? Get(int neuron) => sections.GetValueOrDefault(neuron);

        public IEnumerable<int> Neurons => sections.Keys;
    }

    private sealed record Section(double Value) : INeuronSection
    {
        public double? Score => Value;

        public string? Summary => null;

        public object PageView => new { Norm = Value.ToString("0.###", CultureInfo.InvariantCulture) };

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteNumber("norm", Value);
            writer.WriteString("provenance", "synthetic");
            writer.WriteEndObject();
        }
    }

    /// <summary>Per model, <c>api/&lt;model&gt;/toyweights/neurons.txt</c>: "layer/neuron" of every neuron with a norm.</summary>
    private sealed class NeuronList : ISiteOutputs
    {
        private readonly List<string> _neurons = [];

        public void AddLayer(ModelInfo model, int layer, IReadOnlyList<NeuronSummary> neurons) =>
            _neurons.AddRange(neurons.Where(n => n[Norm].Number is not null).Select(n => $"{layer}/{n.Neuron}"));

        public Task WriteModelAsync(ModelInfo model, IOutputFiles output, CancellationToken ct)
        {
            if (_neurons.Count > 0)
            {
                output.Write($"api/{model.Id}/toyweights/neurons.txt", Encoding.UTF8.GetBytes(string.Join('\n', _neurons)), $"toy weights of {model.Id}");
            }

            _neurons.Clear();
            return Task.CompletedTask;
        }

        public void WriteSite(IReadOnlyList<ModelInfo> models, IPageRenderer pages, IOutputFiles output)
        {
        }
    }
}
