using System.Text.Json;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Sources;
using NeuroNav.Core;

namespace NeuroNav.Browser.Tests;

/// <summary>
/// A stand-in GPT-4 source for the browser site: every neuron of gpt2-small gets one of a few fixed explanations and a
/// score, so the layer table, the model page and the explanation search have something to show.
/// </summary>
internal sealed class ExplainedSource : ISectionSource
{
    public static readonly IReadOnlyList<string> Explanations =
    [
        "Python code keywords such as def and return",
        "closing brackets at the end of lists",
        "names of animals, mostly cats",
        "years and dates in news articles",
        "the token \"<script>\" in HTML pages",
    ];

    public SourceInfo Source => SourceInfo.Gpt4;

    public SourceContributions Contributions => Gpt4SectionSource.WithoutData.Contributions;

    /// <summary>The explanation of a neuron of gpt2-small.</summary>
    public static string ExplanationOf(int layer, int neuron) => Explanations[(layer + neuron) % Explanations.Count];

    public static double ScoreOf(int layer, int neuron) => ((layer * 7) + neuron) % 10 / 10d;

    public Task<ILayerSections> LoadLayerAsync(ModelInfo model, int layer, CancellationToken ct) =>
        Task.FromResult<ILayerSections>(model.Id == "gpt2-small" ? new Layer(layer) : EmptyLayerSections.Instance);

    private sealed class Layer(int layer) : ILayerSections
    {
        public INeuronSection? Get(int neuron) => new Section(ScoreOf(layer, neuron), ExplanationOf(layer, neuron));
    }

    /// <summary>What the browser site's own gpt4.sbn prints.</summary>
    public sealed record Section(double? Score, string Explanation) : INeuronSection
    {
        public string? Summary => Explanation;

        public object PageView => this;

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteNumber("explanation-score", Score ?? 0);
            writer.WriteString("explanation", Explanation);
            writer.WriteEndObject();
        }
    }
}
