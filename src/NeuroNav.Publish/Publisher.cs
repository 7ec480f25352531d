using System.Security.Cryptography;

namespace NeuroNav.Publish;

/// <summary>How a publish runs.</summary>
/// <param name="MaxDeletes">Refuse a publish that would delete more objects than this.</param>
/// <param name="Parallelism">Uploads in flight at once.</param>
/// <param name="Retries">Further attempts at an upload or delete that failed.</param>
public sealed record PublishOptions(int MaxDeletes = 1000, int Parallelism = 8, int Retries = 3)
{
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>What a publish did.</summary>
public sealed record PublishReport(long FilesUploaded, long BytesUploaded, bool ManifestUploaded, long ObjectsDeleted);

/// <summary>
/// Publishes a tree to an object store: plans the diff against what the previous publish stored, uploads the changed
/// files on a bounded number of workers (each retried), then the manifest, then deletes what disappeared, so a reader
/// never finds a manifest that lists a file not yet stored.
/// </summary>
public sealed class Publisher(IObjectStore store, PublishOptions options)
{
    private const int DeleteBatch = 1000;

    /// <summary>The plan: against the stored manifest of the tree when there is one, otherwise against the listing of its prefix.</summary>
    public async Task<PublishPlan> PlanAsync(PublishTree tree, CancellationToken ct)
    {
        var manifestKey = tree.Key(tree.ManifestPath);
        var previous = await store.GetAsync(manifestKey, ct).ConfigureAwait(false);
        if (previous is not null)
        {
            return PublishPlan.AgainstManifest(tree, tree.ParseManifest(previous, manifestKey), previous);
        }

        var stored = new Dictionary<string, StoredObject>(StringComparer.Ordinal);
        await foreach (var o in store.ListAsync(tree.KeyPrefix, ct).ConfigureAwait(false))
        {
            stored[o.Key[tree.KeyPrefix.Length..]] = o;
        }

        return PublishPlan.AgainstListing(tree, stored, path => Md5Hex(tree.LocalFile(path)));
    }

    /// <summary>Carries out <paramref name="plan"/>.</summary>
    /// <exception cref="PublishException">More deletions than allowed, a local file that no longer matches its manifest, or a store error after every retry.</exception>
    public async Task<PublishReport> ExecuteAsync(PublishTree tree, PublishPlan plan, IProgress<long>? uploaded, CancellationToken ct)
    {
        CheckDeletes(plan, options.MaxDeletes);
        long files = 0, bytes = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(plan.Uploads, parallel, async (upload, token) =>
        {
            var file = tree.LocalFile(upload.Path);
            var length = new FileInfo(file).Exists ? new FileInfo(file).Length : -1;
            if (length != upload.Bytes)
            {
                throw new PublishException($"{file}: {length} bytes on disk, the manifest says {upload.Bytes}; rebuild before publishing");
            }

            await RetryAsync(tree.Key(upload.Path), t => store.PutFileAsync(tree.Key(upload.Path), file, tree.Headers(upload.Path), t), token).ConfigureAwait(false);
            Interlocked.Add(ref bytes, upload.Bytes);
            var done = Interlocked.Increment(ref files);
            uploaded?.Report(done);
        }).ConfigureAwait(false);

        if (plan.UploadManifest)
        {
            var key = tree.Key(tree.ManifestPath);
            await RetryAsync(key, t => store.PutBytesAsync(key, tree.Manifest, ObjectHeadersTable.For(tree.ManifestPath), t), ct).ConfigureAwait(false);
        }

        foreach (var batch in plan.Deletes.Chunk(DeleteBatch))
        {
            var keys = batch.Select(tree.Key).ToList();
            await RetryAsync(keys[0], t => store.DeleteAsync(keys, t), ct).ConfigureAwait(false);
        }

        return new PublishReport(files, bytes, plan.UploadManifest, plan.Deletes.Count);
    }

    /// <summary>Throws when the plan deletes more than <paramref name="maxDeletes"/> objects.</summary>
    public static void CheckDeletes(PublishPlan plan, int maxDeletes)
    {
        if (plan.Deletes.Count > maxDeletes)
        {
            throw new PublishException(
                $"refusing to delete {plan.Deletes.Count} objects (first: '{plan.Deletes[0]}'), more than --max-deletes {maxDeletes}; " +
                "check the output folder and the prefix, then raise --max-deletes if this is intended");
        }
    }

    private async Task RetryAsync(string key, Func<CancellationToken, Task> action, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await action(ct).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException and not PublishException && attempt < options.Retries)
            {
                await Task.Delay(options.RetryBaseDelay * Math.Pow(2, attempt), ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not PublishException)
            {
                throw new PublishException($"{key}: failed after {attempt + 1} attempt(s): {e.Message}", e);
            }
        }
    }

    private static string Md5Hex(string file)
    {
        using var stream = File.OpenRead(file);
#pragma warning disable CA5351 // MD5 is what S3 puts in a single-part ETag; it is compared, not trusted for security.
        return Convert.ToHexStringLower(MD5.HashData(stream));
#pragma warning restore CA5351
    }
}
