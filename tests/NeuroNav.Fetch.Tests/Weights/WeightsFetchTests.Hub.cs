using NeuroNav.Corpus.Weights;
using NeuroNav.Fetch.Weights;
using NeuroNav.TestKit;
using NeuroNav.Weights;
using NeuroNav.Weights.Model;

namespace NeuroNav.Fetch.Tests.Weights;

/// <summary>
/// <c>fetch weights</c> without <c>--from</c>: the checkpoint is downloaded from the hub (a loopback mirror) into the
/// checkpoint cache, analysed and stored with the commit the hub resolved; a second run downloads and computes nothing;
/// a file that fails its published hash or a repository the hub does not know stops the fetch naming the model.
/// </summary>
public sealed partial class WeightsFetchTests
{
    /// <summary>The mirror serving <paramref name="model"/>'s synthetic checkpoint under the mapping's repository, and a job that downloads it.</summary>
    private async Task<(HubMirror Hub, FetchJob Job, WeightsSource Source)> HubAsync(string model, bool serve = true)
    {
        var (folder, source) = Checkpoint(model);
        var hub = await HubMirror.StartAsync();
        if (serve)
        {
            var files = source.Files.Select(f => (source.Repository, f)).Append((source.TokenizerRepository, source.TokenizerFile));
            foreach (var repository in files.GroupBy(f => f.Item1))
            {
                hub.AddRepository(repository.Key, repository.Distinct().ToDictionary(f => f.Item2, f => File.ReadAllBytes(Path.Combine(folder, f.Item2))));
            }
        }

        Directory.Delete(folder, recursive: true); // the fetch must get the files from the hub, not from here
        var options = new FetchOptions
        {
            BaseUrl = hub.BaseAddress,
            RequestsPerSecond = double.PositiveInfinity,
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
        };
        return (hub, Job(model, from: null) with { Options = options, Checkpoints = _temp.Combine("cache") }, source);
    }

    [Fact]
    public async Task Without_from_the_checkpoint_is_downloaded_verified_analysed_and_stored_with_the_hubs_commit()
    {
        var (hub, job, source) = await HubAsync("tiny-pythia");
        await using var _ = hub;

        var report = await FetchSources.Weights.RunAsync(job, null, CancellationToken.None);

        var info = Catalog["tiny-pythia"];
        Assert.Equal((info.TotalNeurons, 0L, info.TotalNeurons), (report.Neurons.Requested, report.Neurons.Skipped, report.Neurons.Fetched));
        var cached = _temp.Combine("cache", "tiny-pythia");
        Assert.True(File.Exists(Path.Combine(cached, HubProvenance.FileName)));
        var provenance = (await Store.ReadProvenanceAsync("tiny-pythia", CancellationToken.None))!;
        Assert.Equal((source.Repository, "main", hub.CommitOf(source.Repository)), (provenance.Repository, provenance.Revision, provenance.Commit));
        Assert.All(provenance.Files, f => Assert.Equal(hub.Sha256Of(source.Repository, f.Name), f.Sha256));
        Assert.Contains(report.Details, d => d.Name == "downloaded" && d.Value.StartsWith("2 file(s), ", StringComparison.Ordinal));
        Assert.Equal(20, (await Store.ReadLayerAsync("tiny-pythia", 1, CancellationToken.None))[0].Tokens.Promoted.Count);
    }

    [Fact]
    public async Task A_second_run_finds_the_cached_files_verified_and_downloads_and_computes_nothing()
    {
        var (hub, job, source) = await HubAsync("tiny-gpt2");
        await using var _ = hub;
        await FetchSources.Weights.RunAsync(job, null, CancellationToken.None);
        var sent = hub.BytesSent(source.Repository, source.Files[0]);

        var again = await FetchSources.Weights.RunAsync(job, null, CancellationToken.None);

        Assert.True(sent > 0);
        Assert.Equal(sent, hub.BytesSent(source.Repository, source.Files[0]));
        Assert.Equal((64L, 0L), (again.Neurons.Skipped, again.Neurons.Fetched));
        Assert.Contains(again.Details, d => d.Name == "downloaded" && d.Value.StartsWith("0 file(s), 0 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_failing_its_published_hash_or_an_unknown_repository_stops_the_fetch_naming_the_model_and_nothing_is_stored()
    {
        var (hub, job, source) = await HubAsync("tiny-solu");
        await using var _ = hub;
        hub.Fault(source.Repository, source.Files[0], HubFault.WrongBytes);
        var (missingHub, missingJob, missingSource) = await HubAsync("tiny-gpt2", serve: false);
        await using var __ = missingHub;

        var hash = await Assert.ThrowsAsync<WeightsException>(() => FetchSources.Weights.RunAsync(job, null, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<WeightsException>(() => FetchSources.Weights.RunAsync(missingJob, null, CancellationToken.None));

        Assert.StartsWith($"fetch weights: tiny-solu: {source.Repository}: {source.Files[0]}: ", hash.Message, StringComparison.Ordinal);
        Assert.Contains("discarded", hash.Message, StringComparison.Ordinal);
        Assert.StartsWith($"fetch weights: tiny-gpt2: {missingSource.Repository}: repository not found", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', hash.Message + missing.Message);
        Assert.Empty(Store.Layers("tiny-solu"));
        Assert.Empty(Store.Layers("tiny-gpt2"));
        Assert.False(File.Exists(_temp.Combine("cache", "tiny-solu", source.Files[0])));
    }
}
