using NeuroNav.Build.Api;
using NeuroNav.Build.Sources;
using NeuroNav.Core;

namespace NeuroNav.Build.Gpt4;

/// <summary>
/// What the GPT-4 source adds to the site besides its sections: the score and explanation columns of the listings (the
/// explanation is what the model's explanation search indexes), the <c>gpt4</c> schema and the page labels.
/// </summary>
internal static class Gpt4Module
{
    public static readonly SourceColumn Score = SourceColumn.Number(SourceInfo.Gpt4, "gpt4_score", "GPT-4", s => s.Score) with
    {
        Description = "The GPT-4 explanation's score, when there is one",
    };

    public static readonly SourceColumn Explanation = SourceColumn.Text(SourceInfo.Gpt4, "explanation", "GPT-4 explanation", s => s.Summary) with
    {
        Filter = "explanation",
        Only = "with a GPT-4 explanation",
        Search = "GPT-4 explanations",
        Description = "The GPT-4 explanation, when there is one",
    };

    public static readonly SourceContributions Contributions = new(
        "https://openaipublic.blob.core.windows.net/neuron-explainer/", "GPT-4 explanation", "GPT-4 explanation")
    {
        Columns = [Score, Explanation],
        Schemas = [SchemaFiles.File("gpt4")],
    };

    /// <summary>The module without data (a build that does not read the GPT-4 tables).</summary>
    public static readonly ISectionSource WithoutData = new AbsentSource(SourceInfo.Gpt4, Contributions);
}
