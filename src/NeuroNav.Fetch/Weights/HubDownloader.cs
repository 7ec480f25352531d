using System.Text.Json;
using NeuroNav.Fetch.Http;
using NeuroNav.Weights.Model;

namespace NeuroNav.Fetch.Weights;

/// <summary>
/// Downloads a model's weight files and its tokenizer file from the model hub into a folder that
/// <see cref="WeightsFolder.Load"/> reads, and says where they came from.
/// </summary>
public static class HubDownloader
{
    /// <summary>
    /// Resolves the row's repository and revision to a commit through the hub's API (following a renamed repository and
    /// recording where it landed), does the same for the tokenizer's repository, then downloads each file of the row and
    /// the tokenizer file from that commit (<see cref="HubFileDownload"/>: resumable, verified against the hub's
    /// published hashes, renamed into place only when verified; files present and verified are not downloaded again).
    /// Writes the record to <see cref="HubProvenance.FileName"/> in the folder too.
    /// </summary>
    /// <exception cref="HubException">A repository, revision or file is missing or gated, a hash does not match, or a body broke off too often.</exception>
    /// <exception cref="SourceUnreachableException">The hub stopped answering.</exception>
    public static async Task<HubProvenance> DownloadAsync(
        WeightsSource row, string folder, HubOptions options, IProgress<HubProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        foreach (var name in row.Files.Append(row.TokenizerFile))
        {
            CheckName(row, name);
        }

        Directory.CreateDirectory(folder);
        using var http = new SourceHttpClient(options.Http);
        var weights = await HubApi.ResolveAsync(http, options.Root, row.Repository, row.Revision, ct).ConfigureAwait(false);
        var tokenizer = row.TokenizerRepository == row.Repository
            ? weights
            : await HubApi.ResolveAsync(http, options.Root, row.TokenizerRepository, TokenizerRevision, ct).ConfigureAwait(false);

        // Every entry is checked before the first byte is downloaded, so a missing file fails fast.
        var wanted = row.Files.Select(name => (Repo: weights, Entry: weights.Entry(name))).ToList();
        if (tokenizer != weights || !row.Files.Contains(row.TokenizerFile))
        {
            wanted.Add((tokenizer, tokenizer.Entry(row.TokenizerFile)));
        }

        var download = new HubFileDownload(http, options, progress);
        var files = new List<HubFile>(wanted.Count);
        foreach (var (repo, entry) in wanted)
        {
            files.Add(await download.RunAsync(repo, entry, folder, ct).ConfigureAwait(false));
        }

        var provenance = new HubProvenance(row.Model, options.Root, weights.Revision, tokenizer.Revision, files, options.Http.Clock.GetUtcNow());
        var json = JsonSerializer.SerializeToUtf8Bytes(provenance, HubJsonContext.Default.HubProvenance);
        var path = Path.Combine(folder, HubProvenance.FileName);
        await File.WriteAllBytesAsync(path + ".part", json, ct).ConfigureAwait(false);
        File.Move(path + ".part", path, overwrite: true);
        return provenance;
    }

    /// <summary>The revision of a tokenizer repository other than the weights' (the mapping pins none): its default branch.</summary>
    public const string TokenizerRevision = "main";

    /// <summary>A file name from the mapping must stay inside the folder: relative, no <c>..</c>, no empty segment.</summary>
    private static void CheckName(WeightsSource row, string name)
    {
        var segments = name.Split('/');
        if (name.Length == 0 || Path.IsPathRooted(name) || name.Contains('\\', StringComparison.Ordinal)
            || segments.Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"{row.Model}: file name '{name}' of the weights mapping is not a plain relative path", nameof(row));
        }
    }
}
