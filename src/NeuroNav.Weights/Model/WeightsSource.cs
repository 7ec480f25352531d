using System.Globalization;
using NeuroNav.Core;

namespace NeuroNav.Weights.Model;

/// <summary>Where one catalog model's weights and tokenizer live on the hub (a row of content/weights.csv).</summary>
public sealed record WeightsSource(
    string Model,
    string Repository,
    string Revision,
    IReadOnlyList<string> Files,
    WeightsLayout Layout,
    int VocabSize,
    string TokenizerRepository,
    string TokenizerFile);

/// <summary>The weights mapping beside the catalog, checked against it: every model has exactly one row.</summary>
public sealed class WeightsSources
{
    private const string Header = "model,repository,revision,files,layout,vocab_size,tokenizer_repository,tokenizer_file";
    private readonly Dictionary<string, WeightsSource> _byModel;

    private WeightsSources(Dictionary<string, WeightsSource> byModel) => _byModel = byModel;

    public IReadOnlyCollection<WeightsSource> All => _byModel.Values;

    public WeightsSource this[string model] =>
        _byModel.TryGetValue(model, out var s)
            ? s
            : throw new WeightsException($"model '{model}' has no known weights repository in the weights mapping (content/weights.csv)");

    public static WeightsSources Load(string path, ModelCatalog catalog) => Parse(File.ReadAllText(path), path, catalog);

    public static WeightsSources Parse(string csv, string origin, ModelCatalog catalog)
    {
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new WeightsException($"{origin}: expected header '{Header}'");
        }

        var byModel = new Dictionary<string, WeightsSource>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            if (f.Length != 8)
            {
                throw new WeightsException($"{origin}:{i + 1}: expected 8 fields, found {f.Length}");
            }

            if (!catalog.TryGet(f[0], out _))
            {
                throw new WeightsException($"{origin}:{i + 1}: model '{f[0]}' is not in the catalog");
            }

            if (!int.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var vocab) || vocab <= 0)
            {
                throw new WeightsException($"{origin}:{i + 1}: {f[0]}: vocab_size '{f[5]}' is not a positive integer");
            }

            var source = new WeightsSource(f[0], f[1], f[2], f[3].Split(';'), WeightsLayouts.Parse(f[4], $"{origin}:{i + 1}"), vocab, f[6], f[7]);
            if (!byModel.TryAdd(source.Model, source))
            {
                throw new WeightsException($"{origin}:{i + 1}: model '{source.Model}' is listed twice");
            }
        }

        return new WeightsSources(byModel);
    }

    /// <summary>Catalog models the mapping does not cover (empty when it is complete).</summary>
    public IReadOnlyList<string> Missing(ModelCatalog catalog) =>
        catalog.Models.Select(m => m.Id).Where(id => !_byModel.ContainsKey(id)).ToList();
}
