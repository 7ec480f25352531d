using System.Net.Sockets;
using Amazon.S3;
using NeuroNav.Publish;

namespace NeuroNav.Cli.Rehearsal;

/// <summary>What a rehearsal checks before it starts anything; each failure is an <see cref="ArgumentException"/> naming the option.</summary>
internal static class RehearsalChecks
{
    /// <summary>The endpoint answers, the bucket exists and holds nothing under the prefix (the first run must publish everything).</summary>
    public static async Task EmptyPrefixAsync(S3ObjectStore store, string bucket, string prefix, Uri endpoint, CancellationToken ct)
    {
        try
        {
            await foreach (var o in store.ListAsync(prefix, ct))
            {
                throw new ArgumentException(
                    $"--bucket: s3://{bucket}/{prefix} already holds objects ({o.Key}, ...); the first run must publish everything: give an empty bucket or another --prefix");
            }
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            throw new ArgumentException($"--bucket: there is no bucket '{bucket}' at {endpoint}; create it first (scripts/rehearse does)", e);
        }
        catch (Exception e) when (e is not ArgumentException and not OperationCanceledException && Unreachable(e))
        {
            throw new ArgumentException($"--endpoint: nothing answers at {endpoint}; start moto_server there first (scripts/rehearse does)", e);
        }
    }

    /// <summary>The work folder can be created and written; a folder created only to find out is removed again.</summary>
    public static void Writable(string work)
    {
        var full = Path.GetFullPath(work);
        var created = full;
        while (Path.GetDirectoryName(created) is { } parent && !Directory.Exists(parent))
        {
            created = parent;
        }

        var exists = Directory.Exists(full);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, ".neuronav-rehearse-probe");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--work: {full} cannot be created or written by this user; give a folder it can write", e);
        }
        finally
        {
            if (!exists && Directory.Exists(created))
            {
                Directory.Delete(created, recursive: true);
            }
        }
    }

    private static bool Unreachable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
