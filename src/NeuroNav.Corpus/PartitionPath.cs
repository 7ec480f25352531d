using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NeuroNav.Corpus;

/// <summary>
/// The Hive partition folders of the corpus, <c>model={m}/layer={l}</c>: the one place that builds and parses them, for
/// part files (<c>{table}/model={m}/layer={l}/{part}</c>) and part lists (<c>_committed/model={m}/layer={l}.json</c>).
/// Layers are decimal without padding or sign; a folder that does not parse is not a partition.
/// </summary>
public static class PartitionPath
{
    private const string ModelKey = "model=";
    private const string LayerKey = "layer=";

    /// <summary>The folder name of a model: <c>model={m}</c>.</summary>
    public static string ModelFolder(string model) => ModelKey + model;

    /// <summary>The folder name of a layer: <c>layer={l}</c> (also the part list's file name without <c>.json</c>).</summary>
    public static string LayerFolder(int layer) => LayerKey + layer.ToString(CultureInfo.InvariantCulture);

    /// <summary>Glob of the model folders (<c>model=*</c>).</summary>
    public static string ModelPattern => ModelKey + "*";

    /// <summary>Glob of the layer folders (<c>layer=*</c>), or with a suffix such as <c>.json</c>.</summary>
    public static string LayerPattern(string suffix = "") => LayerKey + "*" + suffix;

    /// <summary><c>{table}/model={m}/layer={l}/{name}</c>, a part's path relative to the corpus root, with '/'.</summary>
    public static string Relative(string table, string model, int layer, string name)
        => string.Join('/', table, ModelFolder(model), LayerFolder(layer), name);

    /// <summary>The model of a <c>model={m}</c> folder name.</summary>
    public static bool TryParseModel(string folderName, [NotNullWhen(true)] out string? model)
    {
        model = folderName.StartsWith(ModelKey, StringComparison.Ordinal) && folderName.Length > ModelKey.Length ? folderName[ModelKey.Length..] : null;
        return model is not null;
    }

    /// <summary>The layer of a <c>layer={l}</c> folder name.</summary>
    public static bool TryParseLayer(string folderName, out int layer)
    {
        layer = -1;
        return folderName.StartsWith(LayerKey, StringComparison.Ordinal)
            && int.TryParse(folderName.AsSpan(LayerKey.Length), NumberStyles.None, CultureInfo.InvariantCulture, out layer);
    }

    /// <summary>Table, model, layer and file name of a relative part path <c>{table}/model={m}/layer={l}/{name}</c>.</summary>
    public static bool TryParse(string relativePath, out (string Table, string Model, int Layer, string Name) part)
    {
        part = default;
        var s = relativePath.Split('/');
        if (s.Length != 4 || s[0].Length == 0 || s[3].Length == 0 || !TryParseModel(s[1], out var model) || !TryParseLayer(s[2], out var layer))
        {
            return false;
        }

        part = (s[0], model, layer, s[3]);
        return true;
    }
}
