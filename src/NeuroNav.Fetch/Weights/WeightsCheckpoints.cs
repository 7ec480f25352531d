using NeuroNav.Weights.Model;

namespace NeuroNav.Fetch.Weights;

/// <summary>A model's checkpoint files in a local folder, and what is known of where they came from.</summary>
/// <param name="Repository">The repository the files landed on (after the hub's redirects), or the mapping's.</param>
/// <param name="Commit">The commit the revision resolved to, or null when unknown (a local copy).</param>
public sealed record WeightsCheckpoint(string Folder, string Repository, string Revision, string? Commit);

/// <summary>
/// Where the checkpoint of a fetch comes from: the one place that knows. Today only a local copy (<c>--from</c>);
/// downloading from the Hugging Face hub goes here (a folder filled and its provenance returned).
/// </summary>
internal static class WeightsCheckpoints
{
    /// <summary>Refuses a job whose checkpoint cannot be located, naming --from.</summary>
    public static void Check(FetchJob job)
    {
        if (string.IsNullOrWhiteSpace(job.From))
        {
            throw new ArgumentException(
                $"fetch weights: give --from <folder> with {job.Model}'s checkpoint files (as named in content/weights.csv); downloading them from the Hugging Face hub is not available yet");
        }

        if (!Directory.Exists(job.From))
        {
            throw new ArgumentException($"--from: there is no folder {Path.GetFullPath(job.From)}; give the folder holding {job.Model}'s checkpoint files");
        }
    }

    /// <summary>The checkpoint of <paramref name="source"/>'s model for <paramref name="job"/>.</summary>
    public static Task<WeightsCheckpoint> LocateAsync(FetchJob job, WeightsSource source, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Check(job);
        return Task.FromResult(new WeightsCheckpoint(Path.GetFullPath(job.From!), source.Repository, source.Revision, Commit: null));
    }
}
