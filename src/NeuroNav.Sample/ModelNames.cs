using System.Globalization;
using NeuroNav.Core;

namespace NeuroNav.Sample;

/// <summary>The names Neuroscope's generator prints in headings (docs/sources/neuroscope.md#model-and-dataset-headings).</summary>
public static class ModelNames
{
    public const string C4Code = "80% C4 (Web Text) and 20% Python Code";
    public const string C4 = "C4 (Web Text)";
    public const string Code = "Python Code";
    public const string Pile = "The Pile";
    public const string OpenWebText = "Open Web Text";

    /// <summary>
    /// <c>get_fancy_model_name</c>: "SoLU Model: …", "GELU Model: …", "GPT-2 Small: …" (capitalize() gives "GPT-2 Xl"),
    /// and "None" for Pythia, whose architecture the function does not handle.
    /// </summary>
    public static string Fancy(ModelInfo model)
    {
        var shape = string.Create(CultureInfo.InvariantCulture, $"{model.Layers} Layers, {model.NeuronsPerLayer} Neurons per Layer");
        if (model.ActivationFunction.StartsWith("solu", StringComparison.Ordinal))
        {
            return $"SoLU Model: {shape}";
        }

        if (model.Id.StartsWith("gelu", StringComparison.Ordinal))
        {
            return $"GELU Model: {shape}";
        }

        if (model.Id.StartsWith("gpt2", StringComparison.Ordinal))
        {
            var suffix = model.Id[(model.Id.LastIndexOf('-') + 1)..];
            return $"GPT-2 {Capitalize(suffix)}: {shape}";
        }

        return "None";
    }

    /// <summary><c>model_name_to_data_name</c> then <c>fancy_data_names</c>: the page-level dataset label.</summary>
    public static string FancyDataset(string modelId)
    {
        if (modelId.Contains("old", StringComparison.Ordinal) || modelId.Contains("pile", StringComparison.Ordinal)
            || modelId.Contains("pythia", StringComparison.Ordinal))
        {
            return Pile;
        }

        return modelId.Contains("gpt", StringComparison.Ordinal) ? OpenWebText : C4Code;
    }

    /// <summary>Python's str.capitalize(): first letter upper, the rest lower.</summary>
    private static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();
}
