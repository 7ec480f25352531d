using NeuroNav.Core;
using NeuroNav.Weights.Model;

namespace NeuroNav.Sample.Weights;

/// <summary>
/// A deterministic synthetic checkpoint of a catalog model, of its real shape (layers, neurons per layer, d_model =
/// neurons / 4, the mapping's vocabulary) in its real file layout and file names, with its tokenizer file: what the demo
/// analyses in place of the real weights, which it cannot download. Only the tensors NeuroNav reads (and a few it skips)
/// are written.
/// </summary>
public static class SyntheticCheckpoint
{
    /// <summary>Writes <paramref name="model"/>'s checkpoint and tokenizer into <paramref name="folder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string folder, ModelInfo model, WeightsSource source, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        Directory.CreateDirectory(folder);
        var synthetic = new SyntheticModel(
            model.ActivationFunction, model.Layers, model.NeuronsPerLayer, model.NeuronsPerLayer / 4, source.VocabSize, seed, tied: source.Layout == WeightsLayout.Gpt2);
        var weights = Path.Combine(folder, source.Files[0]);
        switch (source.Layout)
        {
            case WeightsLayout.Gpt2: SafetensorsWriter.WriteGpt2(weights, synthetic); break;
            case WeightsLayout.Neox: SafetensorsWriter.WriteNeox(weights, synthetic); break;
            case WeightsLayout.Tl: TorchWriter.WriteTl(weights, synthetic); break;
            case WeightsLayout.TlOld: TorchWriter.WriteTl(weights, synthetic, oldNames: true); break;
            default: TorchWriter.WriteTl(weights, synthetic, oldNames: true, leftFacing: true); break;
        }

        var tokenizer = Path.Combine(folder, source.TokenizerFile);
        if (source.TokenizerFile.EndsWith("vocab.json", StringComparison.Ordinal))
        {
            SyntheticTokenizer.WriteGpt2Vocab(tokenizer, source.VocabSize);
        }
        else
        {
            SyntheticTokenizer.WriteTokenizerJson(tokenizer, source.VocabSize);
        }

        return [weights, tokenizer];
    }

    /// <summary>
    /// The folder of <paramref name="model"/>'s demo checkpoint under <paramref name="cache"/>, written once (the seed is
    /// derived from the model id, so the files are always the same) and reused while its completion marker is there.
    /// </summary>
    public static string Ensure(string cache, ModelInfo model, WeightsSource source)
    {
        ArgumentNullException.ThrowIfNull(model);
        var folder = Path.Combine(cache, model.Id);
        var marker = Path.Combine(folder, ".complete");
        if (File.Exists(marker))
        {
            return folder;
        }

        // Written beside and moved into place, so a run killed half-way or a second demo never sees half a checkpoint.
        var temp = $"{folder}.tmp-{Guid.NewGuid():N}";
        Write(temp, model, source, Seed(model.Id));
        File.WriteAllText(Path.Combine(temp, ".complete"), "synthetic checkpoint written by neuronav demo\n");
        if (Directory.Exists(folder) && !File.Exists(marker))
        {
            Directory.Delete(folder, recursive: true);
        }

        try
        {
            Directory.Move(temp, folder);
        }
        catch (IOException) when (File.Exists(marker))
        {
            Directory.Delete(temp, recursive: true); // another demo put the same files there first
        }

        return folder;
    }

    /// <summary>A seed from the model id (FNV-1a), the same on every machine and run.</summary>
    public static int Seed(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var hash = 2166136261u;
        foreach (var c in model)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }
}
