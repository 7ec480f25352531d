using System.Globalization;
using NeuroNav.Corpus.Gpt4;

namespace NeuroNav.Fetch.Gpt4;

/// <summary>Where OpenAI's neuron-explainer release keeps a model's files, and which datasets it has (docs/sources/gpt4.md#where-the-files-are).</summary>
/// <param name="Model">The NeuroNav (neuroscope) model id.</param>
/// <param name="Prefix">The folder under the base URL: <c>data/</c> for GPT-2 XL, <c>gpt2_small_data/</c> for GPT-2 small.</param>
/// <param name="Documented">The datasets OpenAI documents for the model.</param>
/// <param name="Undocumented">Datasets fetched only when asked: OpenAI documents them for GPT-2 XL alone, a mirror may have them.</param>
public sealed record Gpt4Model(string Model, string Prefix, IReadOnlyList<Gpt4Dataset> Documented, IReadOnlyList<Gpt4Dataset> Undocumented)
{
    public static readonly Gpt4Model Gpt2Xl = new("gpt2-xl", "data/", Gpt4Datasets.All, []);

    public static readonly Gpt4Model Gpt2Small = new(
        "gpt2-small",
        "gpt2_small_data/",
        [Gpt4Dataset.Explanations, Gpt4Dataset.CollatedActivations],
        [Gpt4Dataset.RelatedNeurons, Gpt4Dataset.RelatedTokensByActivation, Gpt4Dataset.RelatedTokensByWeight]);

    public static readonly IReadOnlyList<Gpt4Model> All = [Gpt2Small, Gpt2Xl];

    /// <summary>The model's entry, or null when OpenAI published nothing for it.</summary>
    public static Gpt4Model? Find(string model) => All.FirstOrDefault(m => m.Model == model);

    /// <summary>The datasets a fetch asks for, explanations first.</summary>
    public IReadOnlyList<Gpt4Dataset> Datasets(bool includeUndocumented) =>
        includeUndocumented ? [.. Documented, .. Undocumented] : Documented;

    /// <summary>The file's path under the base URL, e.g. <c>data/explanations/5/2332.jsonl</c>.</summary>
    public string PathOf(Gpt4Dataset dataset, int layer, int neuron) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Folder(dataset)}/{layer}/{neuron}.{(dataset == Gpt4Dataset.Explanations ? "jsonl" : "json")}");

    public static string Folder(Gpt4Dataset dataset) => dataset switch
    {
        Gpt4Dataset.Explanations => "explanations",
        Gpt4Dataset.CollatedActivations => "collated-activations",
        Gpt4Dataset.RelatedNeurons => "related-neurons/weight-based",
        Gpt4Dataset.RelatedTokensByActivation => "related-tokens/activation-based",
        Gpt4Dataset.RelatedTokensByWeight => "related-tokens/weight-based",
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "unknown dataset"),
    };
}
