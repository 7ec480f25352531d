using NeuroNav.Weights;
using NeuroNav.Weights.Model;

namespace NeuroNav.Fetch.Weights;

/// <summary>A model's checkpoint files in a local folder, and what is known of where they came from.</summary>
/// <param name="Repository">The repository the files landed on (after the hub's redirects), or the mapping's.</param>
/// <param name="Commit">The commit the revision resolved to, or null when unknown (a local copy).</param>
/// <param name="Hub">What the hub served, file by file, when the files were downloaded (or found verified in the cache).</param>
public sealed record WeightsCheckpoint(string Folder, string Repository, string Revision, string? Commit, HubProvenance? Hub = null);

/// <summary>
/// Where the checkpoint of a fetch comes from: the one place that knows. A local copy (<c>--from</c>) is read as it is;
/// otherwise the files are downloaded from the model hub at <see cref="FetchOptions.BaseUrl"/> into the model's folder of
/// the checkpoint cache (<see cref="FetchJob.Checkpoints"/>), where a second run finds them verified and downloads nothing.
/// </summary>
internal static class WeightsCheckpoints
{
    /// <summary>The environment variable naming the checkpoint cache when <c>--checkpoints</c> is not given.</summary>
    public const string CacheVariable = "NEURONAV_CHECKPOINTS";

    /// <summary>The checkpoint cache: <c>--checkpoints</c>, else <c>$NEURONAV_CHECKPOINTS</c>, else the user's cache folder.</summary>
    public static string Cache(FetchJob job)
    {
        var variable = Environment.GetEnvironmentVariable(CacheVariable);
        return Path.GetFullPath(job.Checkpoints ?? (string.IsNullOrEmpty(variable) ? Path.Combine(UserCache(), "neuronav", "checkpoints") : variable));
    }

    /// <summary>Refuses a job whose checkpoint cannot be located, naming the option.</summary>
    public static void Check(FetchJob job)
    {
        if (job.FromCorpus is not null)
        {
            if (job.From is not null || job.Checkpoints is not null)
            {
                throw new ArgumentException("fetch weights: --from-corpus copies an analysis, --from and --checkpoints locate a checkpoint to analyse (give one of them)");
            }

            if (!Directory.Exists(job.FromCorpus))
            {
                throw new ArgumentException($"--from-corpus: there is no folder {Path.GetFullPath(job.FromCorpus)}; give the corpus holding {job.Model}'s weights");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(job.From))
        {
            if (job.Options.BaseUrl is null)
            {
                throw new ArgumentException($"fetch weights: give --from <folder> with {job.Model}'s checkpoint files, or --base-url of the model hub to download them");
            }

            return;
        }

        if (job.Checkpoints is not null)
        {
            throw new ArgumentException("fetch weights: --checkpoints is where downloads go; with --from nothing is downloaded (give one of them)");
        }

        if (!Directory.Exists(job.From))
        {
            throw new ArgumentException($"--from: there is no folder {Path.GetFullPath(job.From)}; give the folder holding {job.Model}'s checkpoint files");
        }
    }

    /// <summary>The checkpoint of <paramref name="source"/>'s model for <paramref name="job"/>: the local copy, or the download.</summary>
    /// <exception cref="WeightsException">The hub refused a repository or file, or a file failed its published hash.</exception>
    /// <exception cref="Http.SourceUnreachableException">The hub stopped answering.</exception>
    public static async Task<WeightsCheckpoint> LocateAsync(FetchJob job, WeightsSource source, IProgress<HubProgress>? progress, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Check(job);
        if (!string.IsNullOrWhiteSpace(job.From))
        {
            return new WeightsCheckpoint(Path.GetFullPath(job.From), source.Repository, source.Revision, Commit: null);
        }

        var folder = Path.Combine(Cache(job), source.Model);
        try
        {
            var hub = await HubDownloader.DownloadAsync(source, folder, HubOptions.From(job.Options), progress, ct).ConfigureAwait(false);
            return new WeightsCheckpoint(folder, hub.Weights.Landed, hub.Weights.Revision, hub.Weights.CommitSha, hub);
        }
        catch (HubException e)
        {
            throw new WeightsException($"fetch weights: {source.Model}: {e.Message}", e);
        }
    }

    private static string UserCache()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        return string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg;
    }
}
