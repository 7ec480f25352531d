using System.Diagnostics;
using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Corpus.Weights;
using NeuroNav.Weights;
using NeuroNav.Weights.Compute;
using NeuroNav.Weights.Files;
using NeuroNav.Weights.Model;
using NeuroNav.Weights.Tokens;

namespace NeuroNav.Fetch.Weights;

/// <summary>
/// Computes one model's weight analysis and stores it: locates the checkpoint (<see cref="WeightsCheckpoints"/>), hashes
/// its files and tokenizer, skips the model when every layer asked for was computed from the same files under the same
/// definitions (unless refreshing), loads and checks the weights against the catalog, runs <see cref="WeightsEngine"/>
/// over the whole model (connections and percentiles need every layer) and stores the layers and neurons asked for. A
/// checkpoint that cannot be used fails with one line naming the model and the file. The caller holds the corpus lock.
/// </summary>
public sealed class WeightsFetch(WeightsStore store, ModelCatalog catalog, string mappingPath, bool refresh, int threads = 0)
{
    public async Task<FetchReport> RunAsync(string modelId, FetchJob job, IReadOnlyList<ScrapeTarget> targets, IProgress<ScrapeProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var model = catalog[modelId];
        var wanted = Wanted(model, targets);
        if (job.FromCorpus is not null)
        {
            return await WeightsCopy.RunAsync(store, model, job.FromCorpus, wanted, refresh, progress, ct).ConfigureAwait(false);
        }

        var source = WeightsSources.Load(mappingPath, catalog)[model.Id];
        var total = wanted.Sum(l => (long)l.Value.Count);
        var checkpoint = await WeightsCheckpoints.LocateAsync(job, source, null, ct).ConfigureAwait(false);
        var provenance = await ProvenanceAsync(model, source, checkpoint, ct).ConfigureAwait(false);
        progress?.Report(new ScrapeProgress(total, 0, 0, 0));

        if (!refresh && await UnchangedAsync(model, wanted, provenance, ct).ConfigureAwait(false))
        {
            progress?.Report(new ScrapeProgress(total, total, total, 0));
            return Report(total, skipped: total, stored: 0, clock.Elapsed, provenance, checkpoint, [new("computed", "no: unchanged files, already stored (--refresh recomputes)")]);
        }

        var decoder = Tokenizer(model, source, checkpoint.Folder);
        ModelWeightsResult result;
        try
        {
            var weights = WeightsFolder.Load(model, source, checkpoint.Folder);
            // Token lists only for the neurons stored (a few neurons of a large model cost seconds, not the whole
            // vocabulary product); connections and percentiles always cover the whole model.
            var only = targets.Count == 0 ? null : wanted.ToDictionary(w => w.Key, w => w.Value.ToArray());
            result = WeightsEngine.Compute(weights, new EngineOptions(Threads: threads > 0 ? threads : Math.Max(1, Environment.ProcessorCount), TokenListsOf: only), ct);
        }
        catch (WeightsException e)
        {
            throw new WeightsException(Named(model, e.Message), e);
        }

        long stored = 0;
        foreach (var (layer, neurons) in wanted)
        {
            ct.ThrowIfCancellationRequested();
            var rows = neurons.Select(n => WeightsRows.From(model.Id, result.Neuron(layer, n), decoder)).ToList();
            await store.WriteLayerAsync(model.Id, layer, rows, provenance, ct).ConfigureAwait(false);
            stored += rows.Count;
            progress?.Report(new ScrapeProgress(total, stored, 0, 0));
        }

        var costs = result.Costs.Select(c => new FetchDetail(
            c.Stage, string.Create(CultureInfo.InvariantCulture, $"{c.Flops / 1e9:N0} GFLOP in {c.Wall.TotalSeconds:F1} s ({c.GflopsPerSecond:F1} GFLOP/s)")));
        return Report(total, skipped: 0, stored, clock.Elapsed, provenance, checkpoint, [new("computed", $"{model.Layers} layers × {model.NeuronsPerLayer:N0} neurons"), .. costs]);
    }

    /// <summary>The neurons to store, by layer: the targets' ranges of the model, or every neuron of every layer.</summary>
    private static SortedDictionary<int, List<int>> Wanted(ModelInfo model, IReadOnlyList<ScrapeTarget> targets)
    {
        var wanted = new SortedDictionary<int, List<int>>();
        if (targets.Count == 0)
        {
            for (var l = 0; l < model.Layers; l++)
            {
                wanted[l] = [.. Enumerable.Range(0, model.NeuronsPerLayer)];
            }

            return wanted;
        }

        foreach (var t in targets.Where(t => t.Model == model.Id))
        {
            if (!model.HasLayer(t.Layer) || t.FirstNeuron < 0 || t.EndNeuron > model.NeuronsPerLayer || t.FirstNeuron >= t.EndNeuron)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture, $"fetch weights: {model.Id} has no neurons {t.Layer}/{t.FirstNeuron}..{t.EndNeuron - 1} ({model.Layers} layers × {model.NeuronsPerLayer} neurons)"));
            }

            var list = wanted.TryGetValue(t.Layer, out var l) ? l : wanted[t.Layer] = [];
            list.AddRange(Enumerable.Range(t.FirstNeuron, t.EndNeuron - t.FirstNeuron));
        }

        foreach (var layer in wanted.Keys.ToList())
        {
            wanted[layer] = [.. wanted[layer].Distinct().Order()];
        }

        return wanted;
    }

    private async Task<bool> UnchangedAsync(ModelInfo model, SortedDictionary<int, List<int>> wanted, WeightsProvenance provenance, CancellationToken ct)
    {
        foreach (var (layer, neurons) in wanted)
        {
            if (!await WeightsCopy.HoldsAsync(store, model.Id, layer, neurons, provenance, ct).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<WeightsProvenance> ProvenanceAsync(ModelInfo model, WeightsSource source, WeightsCheckpoint checkpoint, CancellationToken ct)
    {
        var files = new List<WeightsFile>();
        foreach (var (kind, repository, name) in source.Files.Select(f => ("weights", checkpoint.Repository, f)).Append(("tokenizer", source.TokenizerRepository, source.TokenizerFile)))
        {
            var path = Path.Combine(checkpoint.Folder, name);
            if (!File.Exists(path))
            {
                throw new WeightsException(Named(model, $"{path} is missing (expected {repository}@{checkpoint.Revision}/{name})"));
            }

            files.Add(new WeightsFile(kind, repository, name, await FileHashes.Sha256Async(path, ct).ConfigureAwait(false), new FileInfo(path).Length));
        }

        return new WeightsProvenance(
            model.Id, checkpoint.Repository, checkpoint.Revision, checkpoint.Commit, Layout(source.Layout), files, DateTimeOffset.UtcNow, WeightsEngine.DefinitionsVersion);
    }

    private static TokenDecoder Tokenizer(ModelInfo model, WeightsSource source, string folder)
    {
        var path = Path.Combine(folder, source.TokenizerFile);
        try
        {
            using var stream = File.OpenRead(path);
            return source.TokenizerFile.EndsWith("vocab.json", StringComparison.Ordinal)
                ? TokenDecoder.FromGpt2Vocab(stream, path)
                : TokenDecoder.FromTokenizerJson(stream, path);
        }
        catch (WeightsException e)
        {
            throw new WeightsException(Named(model, e.Message), e);
        }
    }

    private static string Named(ModelInfo model, string message) =>
        message.StartsWith(model.Id + ":", StringComparison.Ordinal) ? $"fetch weights: {message}" : $"fetch weights: {model.Id}: {message}";

    private static string Layout(WeightsLayout layout) => layout switch
    {
        WeightsLayout.Gpt2 => "gpt2",
        WeightsLayout.Neox => "neox",
        WeightsLayout.Tl => "tl",
        WeightsLayout.TlOld => "tl-old",
        _ => "tl-old-left",
    };

    private static FetchReport Report(
        long requested, long skipped, long stored, TimeSpan elapsed, WeightsProvenance provenance, WeightsCheckpoint checkpoint, IReadOnlyList<FetchDetail> details)
    {
        var from = new FetchDetail("checkpoint", $"{provenance.Checkpoint} ({provenance.Layout})");
        var files = provenance.Files.Select(f => new FetchDetail(f.Name, $"sha256 {f.Sha256[..16]}…, {f.Bytes:N0} bytes"));
        return new FetchReport(
            SourceInfo.Weights.Id,
            new ScrapeReport(requested, skipped, stored, 0, 0, 0, false, elapsed, []),
            [from, .. Downloaded(checkpoint), .. files, .. details],
            []);
    }

    /// <summary>What the hub sent, when the checkpoint came from it: files and bytes downloaded, and those already in the cache.</summary>
    private static IEnumerable<FetchDetail> Downloaded(WeightsCheckpoint checkpoint)
    {
        if (checkpoint.Hub is not { } hub)
        {
            yield break;
        }

        var got = hub.Files.Where(f => f.Downloaded).ToList();
        yield return new FetchDetail(
            "downloaded",
            string.Create(
                CultureInfo.InvariantCulture,
                $"{got.Count} file(s), {hub.Files.Sum(f => f.BytesTransferred):N0} bytes from {hub.BaseUrl}; {hub.Files.Count - got.Count} already in {checkpoint.Folder}, verified"));
    }
}
