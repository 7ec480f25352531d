using NeuroNav.Core;
using NeuroNav.Sample.Weights;
using NeuroNav.Weights.Files;
using NeuroNav.Weights.Model;
using NeuroNav.Weights.Tests.Kit;

namespace NeuroNav.Weights.Tests;

/// <summary>Inputs the engine must refuse, each with a message naming the model, file or tensor.</summary>
public sealed class RefusalTests
{
    private static SyntheticModel Small(string activation = "gelu") => new(activation, 2, 12, 8, 30, seed: 7, tied: false);

    [Theory]
    [InlineData("gpt2", "h.0.mlp.c_fc.weight")]
    [InlineData("neox", "gpt_neox.layers.0.mlp.dense_h_to_4h.weight")]
    [InlineData("tl", "blocks.0.mlp.W_in")]
    public void Neurons_per_layer_that_disagree_with_the_catalog_are_refused_naming_model_and_tensor(string layout, string tensor)
    {
        using var written = new WrittenModel(layout, Small(), 30, catalogNeurons: 16);
        var e = Assert.Throws<WeightsException>(() => written.Load());
        Assert.Contains("test-" + layout, e.Message);
        Assert.Contains(tensor, e.Message);
        Assert.Contains("16 neurons", e.Message);
    }

    [Fact]
    public void A_file_with_more_layers_than_the_catalog_is_refused()
    {
        using var written = new WrittenModel("gpt2", Small(), 30, catalogLayers: 1);
        var e = Assert.Throws<WeightsException>(() => written.Load());
        Assert.Contains("test-gpt2", e.Message);
        Assert.Contains("layer 1", e.Message);
    }

    [Fact]
    public void A_file_with_fewer_layers_than_the_catalog_is_refused()
    {
        using var written = new WrittenModel("tl", Small(), 30, catalogLayers: 3);
        var e = Assert.Throws<WeightsException>(() => written.Load());
        Assert.Contains("blocks.2.mlp.W_in", e.Message);
    }

    [Fact]
    public void A_solu_model_without_its_mlp_layernorm_is_refused()
    {
        using var written = new WrittenModel("tl", Small("gelu"), 30);
        var solu = written.Info with { ActivationFunction = "solu" };
        var e = Assert.Throws<WeightsException>(() => WeightsFolder.Load(solu, written.Source, written.Folder));
        Assert.Contains("blocks.0.mlp.ln.w", e.Message);
    }

    [Fact]
    public void A_pickle_that_calls_os_system_is_refused_naming_file_and_global()
    {
        var folder = Directory.CreateTempSubdirectory("neuronav-weights-").FullName;
        try
        {
            var path = Path.Combine(folder, "model_final.pth");
            TorchWriter.WriteHostile(path);
            var e = Assert.Throws<WeightsException>(() => new TorchZipFile(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("'os.system'", e.Message);
            Assert.False(File.Exists("/tmp/neuronav-owned"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_pickle_with_a_global_in_a_tensor_position_is_refused()
    {
        // A state dict whose tensor is rebuilt by builtins.eval instead of torch's rebuild function.
        using var written = new WrittenModel("tl", Small(), 30);
        var bytes = File.ReadAllBytes(written.FilePath);
        var needle = "torch._utils\n_rebuild_tensor_v2\n"u8.ToArray();
        var replacement = "builtins\neval_rebuild_tensor_v2\n"u8.ToArray();
        Assert.Equal(needle.Length, replacement.Length);
        var at = bytes.AsSpan().IndexOf(needle);
        replacement.CopyTo(bytes.AsSpan(at));
        var path = Path.Combine(written.Folder, "evil.pth");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<WeightsException>(() => new TorchZipFile(path));
        Assert.Contains("'builtins.eval_rebuild_tensor_v2'", e.Message);
    }

    [Theory]
    [InlineData("gpt2")]
    [InlineData("tl")]
    public void A_truncated_file_is_refused_naming_the_file(string layout)
    {
        using var written = new WrittenModel(layout, Small(), 30);
        var bytes = File.ReadAllBytes(written.FilePath);
        File.WriteAllBytes(written.FilePath, bytes[..(bytes.Length * 2 / 3)]);
        var e = Assert.Throws<WeightsException>(() => written.Load());
        Assert.Contains(written.FilePath, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public async Task A_file_whose_sha256_differs_from_the_published_one_is_refused()
    {
        using var written = new WrittenModel("gpt2", Small(), 30);
        var actual = await FileHashes.Sha256Async(written.FilePath, CancellationToken.None);
        await FileHashes.VerifyAsync(written.Folder, new Dictionary<string, string> { ["model.safetensors"] = actual.ToUpperInvariant() }, CancellationToken.None);

        var published = new string('a', 64);
        var e = await Assert.ThrowsAsync<WeightsException>(() =>
            FileHashes.VerifyAsync(written.Folder, new Dictionary<string, string> { ["model.safetensors"] = published }, CancellationToken.None));
        Assert.Contains(written.FilePath, e.Message);
        Assert.Contains(actual, e.Message);
        Assert.Contains(published, e.Message);
    }

    [Fact]
    public void A_model_with_no_known_repository_is_refused()
    {
        var catalog = new ModelCatalog([new ModelInfo("gpt2-small", "gelu", "Open Web Text", 12, 3072, 36864, 1), new ModelInfo("solu-1l", "solu", "c4", 1, 2048, 2048, 1)]);
        var sources = WeightsSources.Parse(
            "model,repository,revision,files,layout,vocab_size,tokenizer_repository,tokenizer_file\ngpt2-small,gpt2,main,model.safetensors,gpt2,50257,gpt2,vocab.json\n", "weights.csv", catalog);
        var e = Assert.Throws<WeightsException>(() => sources["solu-1l"]);
        Assert.Contains("'solu-1l' has no known weights repository", e.Message);
        Assert.Equal(["solu-1l"], sources.Missing(catalog));
    }

    [Fact]
    public void A_mapping_row_for_a_model_outside_the_catalog_is_refused()
    {
        var catalog = new ModelCatalog([new ModelInfo("gpt2-small", "gelu", "Open Web Text", 12, 3072, 36864, 1)]);
        var e = Assert.Throws<WeightsException>(() => WeightsSources.Parse(
            "model,repository,revision,files,layout,vocab_size,tokenizer_repository,tokenizer_file\ngpt2-tiny,gpt2,main,model.safetensors,gpt2,50257,gpt2,vocab.json\n", "weights.csv", catalog));
        Assert.Contains("weights.csv:2: model 'gpt2-tiny' is not in the catalog", e.Message);
    }
}
