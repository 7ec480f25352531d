using System.Globalization;
using NeuroNav.Build.Api;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus.Weights;

namespace NeuroNav.Build.Weights;

/// <summary>
/// What the weights source adds to the site besides its sections: the listing columns (the most promoted token, in- and
/// out-strength, the input/output cosine), the <c>weights</c> schema, the page labels and the model page's note on
/// where the numbers come from.
/// </summary>
internal static class WeightsModule
{
    public static readonly SourceColumn TopToken = SourceColumn.Text(SourceInfo.Weights, "weights_top_token", "Top promoted token", s => ((WeightsSection)s).TopToken);

    public static readonly SourceColumn InStrength = SourceColumn.Number(SourceInfo.Weights, "weights_in_strength", "In-strength", s => Finite(((WeightsSection)s).Neuron.Stats.InStrength));

    public static readonly SourceColumn OutStrength = SourceColumn.Number(SourceInfo.Weights, "weights_out_strength", "Out-strength", s => Finite(((WeightsSection)s).Neuron.Stats.OutStrength));

    public static readonly SourceColumn Cosine = SourceColumn.Number(SourceInfo.Weights, "weights_in_out_cosine", "In/out cosine", s => Finite(((WeightsSection)s).Neuron.Stats.InOutCosine));

    public static readonly SourceContributions Contributions = new("https://huggingface.co/", "What the weights say", "Weight analysis")
    {
        Columns = [InStrength, OutStrength, Cosine, TopToken],
        Schemas = [SchemaFiles.File("weights")],
    };

    /// <summary>The model page's note: repository, revision and commit, layout, each file with its sha256, when and under which definitions.</summary>
    /// <summary>The module without data (a build that does not read the weights tables).</summary>
    public static readonly ISectionSource WithoutData = new AbsentSource(SourceInfo.Weights, Contributions);

    public static ModelNote Note(WeightsProvenance p)
    {
        var facts = new List<ModelNoteFact>
        {
            new("Checkpoint", $"{p.Repository} at revision {p.Revision}" + (p.Commit is null ? " (a local copy; commit not recorded)" : $", commit {p.Commit}")),
            new("File layout", p.Layout),
        };
        facts.AddRange(p.Files.Select(f => new ModelNoteFact(
            f.Kind == "tokenizer" ? $"Tokenizer {f.Name}" : f.Name,
            string.Create(CultureInfo.InvariantCulture, $"{f.Repository}: sha256 {f.Sha256}, {f.Bytes:N0} bytes"))));
        facts.Add(new("Computed", p.ComputedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + $", definitions version {p.DefinitionsVersion}"));
        return new ModelNote("weights", "Where the weight analysis comes from", "Every neuron's logit effects, input tokens, connections and weight statistics are computed from these files.", facts);
    }

    private static double? Finite(float value) => float.IsFinite(value) ? value : null;
}
