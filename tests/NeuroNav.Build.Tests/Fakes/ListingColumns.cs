using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;

namespace NeuroNav.Build.Tests.Fakes;

/// <summary>The listing columns of the site's GPT-4 and Neuron2Graph modules, for page models built by hand.</summary>
internal static class ListingColumns
{
    public static readonly IReadOnlyList<SourceColumn> All = [Gpt4Module.Score, Gpt4Module.Explanation, Neuron2GraphModule.Score];

    /// <summary>The summary with a GPT-4 score and explanation (and a Neuron2Graph score) in its columns.</summary>
    public static NeuronSummary Explained(this NeuronSummary summary, double? gpt4Score, string? explanation, double? graphScore = null) => summary with
    {
        Columns =
        [
            new(Gpt4Module.Score, new ColumnValue(gpt4Score, null)),
            new(Gpt4Module.Explanation, new ColumnValue(null, explanation)),
            new(Neuron2GraphModule.Score, new ColumnValue(graphScore, null)),
        ],
    };
}
