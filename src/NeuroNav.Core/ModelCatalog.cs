using System.Globalization;

namespace NeuroNav.Core;

/// <summary>The models NeuroNav knows, in the order of neuroscope.io's index (by size, then dataset).</summary>
public sealed class ModelCatalog
{
    private static readonly string[] Header =
        ["model", "initialisation", "activation_function", "dataset", "layers", "neurons_per_layer", "total_neurons", "parameters"];

    private readonly Dictionary<string, ModelInfo> _byId;

    public ModelCatalog(IReadOnlyList<ModelInfo> models)
    {
        Models = models;
        _byId = new Dictionary<string, ModelInfo>(StringComparer.Ordinal);
        foreach (var m in models)
        {
            if (!_byId.TryAdd(m.Id, m))
            {
                throw new CatalogException($"model '{m.Id}' is listed twice");
            }
        }
    }

    public IReadOnlyList<ModelInfo> Models { get; }

    public ModelInfo this[string id] =>
        _byId.TryGetValue(id, out var m)
            ? m
            : throw new CatalogException($"unknown model '{id}'; known models: {string.Join(", ", _byId.Keys)}");

    public bool TryGet(string id, out ModelInfo model) => _byId.TryGetValue(id, out model!);

    public static ModelCatalog Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (IOException e)
        {
            throw new CatalogException($"{path}: cannot read the model catalog: {e.Message}", e);
        }
    }

    /// <summary>Parses the catalog CSV; <paramref name="origin"/> names the file in errors.</summary>
    public static ModelCatalog Parse(string csv, string origin)
    {
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !lines[0].Split(',').SequenceEqual(Header))
        {
            throw new CatalogException($"{origin}: expected header '{string.Join(',', Header)}'");
        }

        var models = new List<ModelInfo>();
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            if (f.Length != Header.Length)
            {
                throw new CatalogException($"{origin}:{i + 1}: expected {Header.Length} fields, found {f.Length}");
            }

            var id = f[0];
            if (!ModelId.IsValid(id))
            {
                throw new CatalogException($"{origin}:{i + 1}: '{id}' is not a valid model id");
            }

            var model = new ModelInfo(id, f[2], f[3], Int(f[4]), Int(f[5]), Long(f[6]), Long(f[7]));
            if ((long)model.Layers * model.NeuronsPerLayer != model.TotalNeurons)
            {
                throw new CatalogException($"{origin}:{i + 1}: {id}: {model.Layers} × {model.NeuronsPerLayer} ≠ {model.TotalNeurons}");
            }

            models.Add(model);

            int Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v
                : throw new CatalogException($"{origin}:{i + 1}: {id}: '{s}' is not a positive integer");
            long Long(string s) => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v
                : throw new CatalogException($"{origin}:{i + 1}: {id}: '{s}' is not a positive integer");
        }

        return new ModelCatalog(models);
    }
}

public sealed class CatalogException : Exception
{
    public CatalogException(string message) : base(message) { }

    public CatalogException(string message, Exception inner) : base(message, inner) { }
}
