using System.Globalization;
using NeuroNav.Core;

namespace NeuroNav.Build.Output;

/// <summary>
/// Which files of the previous build this build answers for: the site-wide files, and for each model it builds
/// the model's own files and those of the layers it builds. Files of other models and other layers are kept.
/// </summary>
internal sealed class OutputScope
{
    private readonly IReadOnlySet<string> _catalogModels;
    private readonly IReadOnlyDictionary<string, Func<int, bool>> _built;

    /// <param name="catalogModels">Every model id a path may belong to.</param>
    /// <param name="built">The models built, each with the test for the layers built.</param>
    public OutputScope(IReadOnlySet<string> catalogModels, IReadOnlyDictionary<string, Func<int, bool>> built)
    {
        _catalogModels = catalogModels;
        _built = built;
    }

    public bool Contains(string path)
    {
        var s = path.Split('/');
        var (model, rest) = s[0] == "api" && s.Length > 1 ? (s[1], s[2..]) : (s[0], s[1..]);
        if (!_catalogModels.Contains(model) || rest.Length == 0)
        {
            return true; // site-wide: index, assets, schemas
        }

        if (!_built.TryGetValue(model, out var layerBuilt))
        {
            return false;
        }

        if (rest.Length == 1)
        {
            return true; // the model's own index
        }

        // api/<model>/<source id>/<layer>/<neuron>.json belongs to its layer, like api/<model>/<layer>/...
        var layerSegment = rest.Length > 2 && SourceInfo.All.Any(s => s.Id == rest[0]) ? rest[1] : rest[0];
        return !int.TryParse(layerSegment, NumberStyles.None, CultureInfo.InvariantCulture, out var layer) || layerBuilt(layer);
    }
}
