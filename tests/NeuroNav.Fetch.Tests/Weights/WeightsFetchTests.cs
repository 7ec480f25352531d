using System.Security.Cryptography;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Weights;
using NeuroNav.Sample.Weights;
using NeuroNav.TestKit;
using NeuroNav.Weights;
using NeuroNav.Weights.Compute;
using NeuroNav.Weights.Model;

namespace NeuroNav.Fetch.Tests.Weights;

/// <summary>
/// <c>fetch weights --from</c> on small synthetic checkpoints in each file layout: it stores every neuron's lists and
/// statistics with the files' provenance, skips a model computed from the same files, and refuses a bad folder in one
/// line naming the model and the file.
/// </summary>
public sealed partial class WeightsFetchTests : IDisposable
{
    private const string Header = "model,repository,revision,files,layout,vocab_size,tokenizer_repository,tokenizer_file";
    private const int Vocab = 300;
    private readonly TempDirectory _temp = new("neuronav-weights-fetch");

    public void Dispose() => _temp.Dispose();

    private static readonly ModelCatalog Catalog = new(
    [
        new ModelInfo("tiny-gpt2", "gelu", "synthetic", 2, 32, 64, 1),
        new ModelInfo("tiny-solu", "solu", "synthetic", 3, 16, 48, 1),
        new ModelInfo("tiny-pythia", "gelu", "synthetic", 2, 24, 48, 1),
    ]);

    private string Mapping => _temp.Combine("weights.csv");

    private (string Folder, WeightsSource Source) Checkpoint(string model, int seed = 7)
    {
        File.WriteAllText(Mapping, $"""
            {Header}
            tiny-gpt2,openai-community/gpt2,main,model.safetensors,gpt2,{Vocab},openai-community/gpt2,vocab.json
            tiny-solu,NeelNanda/SoLU_3L64W_C4_Code,main,model_final.pth,tl,{Vocab},NeelNanda/gpt-neox-tokenizer-digits,tokenizer.json
            tiny-pythia,EleutherAI/pythia-tiny,main,model.safetensors,neox,{Vocab},EleutherAI/pythia-tiny,tokenizer.json

            """);
        var source = WeightsSources.Load(Mapping, Catalog)[model];
        var folder = _temp.Combine("checkpoints", model);
        SyntheticCheckpoint.Write(folder, Catalog[model], source, seed);
        return (folder, source);
    }

    private FetchJob Job(string model, string? from, bool refresh = false, IReadOnlyList<ScrapeTarget>? targets = null) =>
        new(_temp.Combine("corpus"), new FetchOptions { Refresh = refresh })
        {
            Model = model,
            From = from,
            Catalog = Catalog,
            WeightsMapping = Mapping,
            Command = "neuronav fetch weights",
            Targets = targets ?? [],
        };

    private WeightsStore Store => CorpusRoot.Open(_temp.Combine("corpus")).Weights();

    [Theory]
    [InlineData("tiny-gpt2")]
    [InlineData("tiny-solu")]
    [InlineData("tiny-pythia")]
    public async Task Fetch_from_a_folder_stores_every_neuron_with_decoded_tokens_links_and_the_files_hashes(string model)
    {
        var (folder, source) = Checkpoint(model);
        var info = Catalog[model];

        var report = await FetchSources.Weights.RunAsync(Job(model, folder), null, CancellationToken.None);

        Assert.Equal((info.TotalNeurons, 0L, info.TotalNeurons), (report.Neurons.Requested, report.Neurons.Skipped, report.Neurons.Fetched));
        for (var layer = 0; layer < info.Layers; layer++)
        {
            var neurons = await Store.ReadLayerAsync(model, layer, CancellationToken.None);
            Assert.Equal(Enumerable.Range(0, info.NeuronsPerLayer), neurons.Select(n => n.Id.Neuron));
            foreach (var n in neurons)
            {
                Assert.Equal(20, n.Tokens.Promoted.Count);
                Assert.Equal(20, n.Tokens.InputLowest.Count);
                Assert.All(n.Tokens.Promoted.Concat(n.Tokens.Suppressed), t => Assert.Equal(SyntheticTokenizer.Text(t.Id, Vocab), t.Text));
                Assert.Equal(n.Tokens.Promoted.Select(t => t.Value).OrderDescending(), n.Tokens.Promoted.Select(t => t.Value));
                Assert.True(n.Tokens.Promoted[^1].Value > n.Tokens.Suppressed[^1].Value);
                Assert.All(n.Links.UpstreamExciting, l => Assert.True(l.Layer < layer && l.Value > 0));
                Assert.All(n.Links.DownstreamInhibiting, l => Assert.True(l.Layer > layer && l.Value < 0));
                Assert.Equal(layer == 0, n.Links.UpstreamExciting.Count + n.Links.UpstreamInhibiting.Count == 0);
                Assert.Equal(layer == info.Layers - 1, n.Links.DownstreamExciting.Count + n.Links.DownstreamInhibiting.Count == 0);
                Assert.InRange(n.Stats.InStrengthPercentile, 0, 100);
                Assert.True(n.Stats.InputNorm > 0 && n.Stats.OutputNorm > 0);
            }
        }

        var provenance = await Store.ReadProvenanceAsync(model, CancellationToken.None);
        Assert.NotNull(provenance);
        Assert.Equal((source.Repository, "main", (string?)null, WeightsEngine.DefinitionsVersion), (provenance.Repository, provenance.Revision, provenance.Commit, provenance.DefinitionsVersion));
        Assert.Equal([.. source.Files, source.TokenizerFile], provenance.Files.Select(f => f.Name));
        Assert.All(provenance.Files, f => Assert.Equal(Sha256(Path.Combine(folder, f.Name)), f.Sha256));
    }

    [Fact]
    public async Task An_unchanged_model_is_skipped_and_refresh_or_new_files_recompute_it()
    {
        var (folder, _) = Checkpoint("tiny-gpt2");
        await FetchSources.Weights.RunAsync(Job("tiny-gpt2", folder), null, CancellationToken.None);
        var partsBefore = await PartsAsync();

        var again = await FetchSources.Weights.RunAsync(Job("tiny-gpt2", folder), null, CancellationToken.None);
        var partsAfterSkip = await PartsAsync();
        var refreshed = await FetchSources.Weights.RunAsync(Job("tiny-gpt2", folder, refresh: true), null, CancellationToken.None);
        Checkpoint("tiny-gpt2", seed: 8);
        var changed = await FetchSources.Weights.RunAsync(Job("tiny-gpt2", folder), null, CancellationToken.None);

        Assert.Equal((64L, 0L), (again.Neurons.Skipped, again.Neurons.Fetched));
        Assert.Equal(partsBefore, partsAfterSkip);
        Assert.Equal((0L, 64L), (refreshed.Neurons.Skipped, refreshed.Neurons.Fetched));
        Assert.Equal((0L, 64L), (changed.Neurons.Skipped, changed.Neurons.Fetched));
        Assert.Equal(Sha256(Path.Combine(folder, "model.safetensors")), (await Store.ReadProvenanceAsync("tiny-gpt2", CancellationToken.None))!.Files[0].Sha256);
    }

    [Fact]
    public async Task Layers_and_neurons_given_store_only_those_while_the_whole_model_is_computed()
    {
        var (folder, _) = Checkpoint("tiny-gpt2");

        var report = await FetchSources.Weights.RunAsync(Job("tiny-gpt2", folder, targets: [new ScrapeTarget("tiny-gpt2", 1, 4, 8)]), null, CancellationToken.None);

        Assert.Equal(4, report.Neurons.Fetched);
        Assert.Equal([1], Store.Layers("tiny-gpt2"));
        var neurons = await Store.ReadLayerAsync("tiny-gpt2", 1, CancellationToken.None);
        Assert.Equal([4, 5, 6, 7], neurons.Select(n => n.Id.Neuron));
        Assert.All(neurons, n => Assert.NotEmpty(n.Links.UpstreamExciting.Concat(n.Links.UpstreamInhibiting)));
    }

    [Fact]
    public async Task A_truncated_checkpoint_is_refused_in_one_line_naming_the_model_and_file_and_nothing_is_stored()
    {
        var (folder, _) = Checkpoint("tiny-gpt2");
        var file = Path.Combine(folder, "model.safetensors");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

        var e = await Assert.ThrowsAsync<WeightsException>(() => FetchSources.Weights.RunAsync(Job("tiny-gpt2", folder), null, CancellationToken.None));

        Assert.StartsWith("fetch weights: tiny-gpt2: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(Store.Layers("tiny-gpt2"));
    }

    [Fact]
    public async Task A_missing_tokenizer_or_a_shape_the_catalog_disagrees_with_is_refused_naming_the_model_and_file()
    {
        var (folder, _) = Checkpoint("tiny-solu");
        File.Copy(Path.Combine(folder, "model_final.pth"), _temp.Combine("model_final.pth"));
        File.Delete(Path.Combine(folder, "tokenizer.json"));
        var noTokenizer = await Assert.ThrowsAsync<WeightsException>(() => FetchSources.Weights.RunAsync(Job("tiny-solu", folder), null, CancellationToken.None));

        var (gpt2Folder, _) = Checkpoint("tiny-gpt2");
        File.Copy(_temp.Combine("model_final.pth"), Path.Combine(gpt2Folder, "model.safetensors"), overwrite: true);
        var otherFile = await Assert.ThrowsAsync<WeightsException>(() => FetchSources.Weights.RunAsync(Job("tiny-gpt2", gpt2Folder), null, CancellationToken.None));

        var (solu, source) = Checkpoint("tiny-solu");
        var wider = new SyntheticModel("solu", 3, 20, 5, Vocab, 3, tied: false);
        TorchWriter.WriteTl(Path.Combine(solu, source.Files[0]), wider);
        var shape = await Assert.ThrowsAsync<WeightsException>(() => FetchSources.Weights.RunAsync(Job("tiny-solu", solu), null, CancellationToken.None));

        Assert.Equal($"fetch weights: tiny-solu: {Path.Combine(folder, "tokenizer.json")} is missing (expected NeelNanda/gpt-neox-tokenizer-digits@main/tokenizer.json)", noTokenizer.Message);
        Assert.StartsWith("fetch weights: tiny-gpt2: ", otherFile.Message, StringComparison.Ordinal);
        Assert.Contains("model.safetensors", otherFile.Message, StringComparison.Ordinal);
        Assert.StartsWith("fetch weights: tiny-solu: ", shape.Message, StringComparison.Ordinal);
        Assert.Contains("16", shape.Message, StringComparison.Ordinal);
        Assert.Contains("20", shape.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_from_folder_that_does_not_exist_or_an_unmapped_model_is_refused_naming_it()
    {
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => FetchSources.Weights.RunAsync(Job("tiny-gpt2", _temp.Combine("nowhere")), null, CancellationToken.None));
        var unmapped = await Assert.ThrowsAsync<WeightsException>(async () =>
        {
            File.WriteAllText(Mapping, Header + "\n");
            Directory.CreateDirectory(_temp.Combine("empty"));
            await FetchSources.Weights.RunAsync(Job("tiny-gpt2", _temp.Combine("empty")), null, CancellationToken.None);
        });

        Assert.Contains("--from: there is no folder", missing.Message, StringComparison.Ordinal);
        Assert.Contains("tiny-gpt2", missing.Message, StringComparison.Ordinal);
        Assert.Contains("model 'tiny-gpt2' has no known weights repository", unmapped.Message, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> PartsAsync() =>
        [.. (await CorpusRoot.Open(_temp.Combine("corpus")).ListedPartsAsync(CancellationToken.None)).Select(p => p.Path + " " + p.Sha256)];

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
