using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>
/// Checks a page's <c>&lt;h1&gt;Model: …&lt;/h1&gt;</c> and <c>&lt;h1&gt;Dataset: …&lt;/h1&gt;</c> headings against the model asked
/// for, for pages without the TransformerLens <c>from_pretrained</c> line. The generator derives both from the model
/// (docs/sources/neuroscope.md#model-and-dataset-headings): "SoLU Model: {layers} Layers, {d_mlp} Neurons per Layer" for SoLU models, "GELU Model: …" for
/// gelu-*, "GPT-2 {Size}: …" for GPT-2 ("GPT-2 Xl"), "None" otherwise (Pythia); the dataset is "The Pile" for names with
/// pile/old/pythia, "Open Web Text" for gpt, else "80% C4 (Web Text) and 20% Python Code". So the id alone tells the
/// family, the SoLU/GELU layer count and the dataset, which together name every model but the Pythias apart.
/// </summary>
internal static partial class ModelHeadings
{
    /// <summary>Why the headings name another model than <paramref name="model"/>, or null when they agree.</summary>
    public static string? Mismatch(NeuronHeader header, string model)
    {
        if (header.ModelHeading is null)
        {
            return "the page names no model: neither a from_pretrained line nor a '<h1>Model: ...</h1>' heading";
        }

        var (family, layers) = Expected(model);
        var heading = Heading().Match(header.ModelHeading);
        var named = heading.Success ? heading.Groups["family"].Value : header.ModelHeading;
        var sameFamily = string.Equals(named, family, StringComparison.OrdinalIgnoreCase);
        var sameLayers = layers is null || (heading.Success && int.Parse(heading.Groups["layers"].Value, CultureInfo.InvariantCulture) == layers);
        var dataset = Dataset(model);
        var sameData = header.DatasetHeading is null || string.Equals(header.DatasetHeading, dataset, StringComparison.OrdinalIgnoreCase);
        return sameFamily && sameLayers && sameData
            ? null
            : $"the page is for model '{header.ModelHeading}' ({header.DatasetHeading ?? "no dataset heading"}), expected '{model}'";
    }

    /// <summary>The family the heading names before its colon, and the layer count when the id carries one.</summary>
    private static (string Family, int? Layers) Expected(string model)
    {
        var parts = model.Split('-');
        int? layers = parts.Length > 1 && parts[1].EndsWith('l') && int.TryParse(parts[1].AsSpan(0, parts[1].Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var l)
            ? l
            : null;
        return parts[0] switch
        {
            "solu" => ("SoLU Model", layers),
            "gelu" => ("GELU Model", layers),
            "gpt2" when parts.Length == 2 => ("GPT-2 " + parts[1], null),
            _ => ("None", null),
        };
    }

    private static string Dataset(string model) =>
        model.Contains("pile", StringComparison.Ordinal) || model.Contains("old", StringComparison.Ordinal) || model.Contains("pythia", StringComparison.Ordinal)
            ? "The Pile"
            : model.Contains("gpt", StringComparison.Ordinal) ? "Open Web Text" : "80% C4 (Web Text) and 20% Python Code";

    [GeneratedRegex(@"^(?<family>[^:]+): (?<layers>[0-9]+) Layers, [0-9]+ Neurons per Layer$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();
}
