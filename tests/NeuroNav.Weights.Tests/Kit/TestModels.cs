using NeuroNav.Core;
using NeuroNav.Sample.Weights;
using NeuroNav.Weights.Files;
using NeuroNav.Weights.Model;

namespace NeuroNav.Weights.Tests.Kit;

/// <summary>A synthetic model written in one layout into a temporary folder, with its catalog row and mapping row.</summary>
public sealed class WrittenModel : IDisposable
{
    public WrittenModel(string layout, SyntheticModel model, int vocab, int catalogNeurons = -1, int catalogLayers = -1, TensorDType dtype = TensorDType.F32)
    {
        Model = model;
        Folder = Directory.CreateTempSubdirectory("neuronav-weights-").FullName;
        var file = layout is "gpt2" or "neox" ? "model.safetensors" : "model_final.pth";
        var path = Path.Combine(Folder, file);
        switch (layout)
        {
            case "gpt2": SafetensorsWriter.WriteGpt2(path, model, dtype); break;
            case "neox": SafetensorsWriter.WriteNeox(path, model, dtype); break;
            case "tl": TorchWriter.WriteTl(path, model); break;
            case "tl-old": TorchWriter.WriteTl(path, model, oldNames: true); break;
            case "tl-old-left": TorchWriter.WriteTl(path, model, oldNames: true, leftFacing: true); break;
            default: throw new ArgumentOutOfRangeException(nameof(layout));
        }

        var id = $"test-{layout}";
        var layers = catalogLayers > 0 ? catalogLayers : model.Layers;
        var neurons = catalogNeurons > 0 ? catalogNeurons : model.Neurons;
        Info = new ModelInfo(id, model.Activation, "synthetic", layers, neurons, (long)layers * neurons, 1);
        Catalog = new ModelCatalog([Info]);
        Source = WeightsSources.Parse(
            $"model,repository,revision,files,layout,vocab_size,tokenizer_repository,tokenizer_file\n{id},test/{layout},main,{file},{layout},{vocab},test/{layout},tokenizer.json\n",
            "test mapping",
            Catalog)[id];
        FilePath = path;
    }

    public SyntheticModel Model { get; }

    public string Folder { get; }

    public string FilePath { get; }

    public ModelInfo Info { get; }

    public ModelCatalog Catalog { get; }

    public WeightsSource Source { get; }

    public ModelWeights Load() => WeightsFolder.Load(Info, Source, Folder);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
