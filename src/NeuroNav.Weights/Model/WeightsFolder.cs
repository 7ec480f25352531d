using NeuroNav.Core;
using NeuroNav.Weights.Files;

namespace NeuroNav.Weights.Model;

/// <summary>Opens a model's checkpoint files from a local folder (a download, or a copy given with --from).</summary>
public static class WeightsFolder
{
    public static ITensorFile Open(string path) =>
        System.IO.Path.GetExtension(path) switch
        {
            ".safetensors" => new SafetensorsFile(path),
            ".pth" or ".pt" => new TorchZipFile(path),
            var ext => throw new WeightsException($"{path}: unknown weights file type '{ext}' (expected .safetensors or .pth)"),
        };

    /// <summary>Loads and processes <paramref name="model"/> from the files its mapping names, in <paramref name="folder"/>.</summary>
    public static ModelWeights Load(ModelInfo model, WeightsSource source, string folder)
    {
        if (source.Model != model.Id)
        {
            throw new ArgumentException($"mapping row for {source.Model} given for model {model.Id}");
        }

        var files = new List<ITensorFile>();
        try
        {
            foreach (var name in source.Files)
            {
                var path = System.IO.Path.Combine(folder, name);
                if (!File.Exists(path))
                {
                    throw new WeightsException($"{model.Id}: {path} is missing ({source.Repository}@{source.Revision}/{name})");
                }

                files.Add(Open(path));
            }

            return WeightsLoader.Load(model, source, files);
        }
        finally
        {
            foreach (var f in files)
            {
                f.Dispose();
            }
        }
    }
}
