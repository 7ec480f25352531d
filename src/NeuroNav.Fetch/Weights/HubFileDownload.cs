using System.Globalization;
using NeuroNav.Fetch.Http;

namespace NeuroNav.Fetch.Weights;

/// <summary>
/// Downloads one file of a pinned commit into a folder: a file already present with the published hash is kept;
/// otherwise the body streams into <c>{name}.part</c>, a body that breaks off is resumed with a Range request from what
/// the part holds (also across runs), and only a part whose size and hash match what the hub publishes is renamed to
/// the final name. A mismatching part is deleted; nothing unverified is ever under the final name.
/// </summary>
internal sealed class HubFileDownload(SourceHttpClient http, HubOptions options, IProgress<HubProgress>? progress)
{
    private const int ChunkBytes = 1 << 20;
    /// <summary>Progress is reported every 16 MiB, or every 1 % of a smaller file.</summary>
    private const long ReportEvery = 16L << 20;

    public async Task<HubFile> RunAsync(HubResolved repo, HubEntry entry, string folder, CancellationToken ct)
    {
        HubApi.RequireHash(repo, entry);
        var rev = repo.Revision;
        var url = HubApi.ResolveUrl(options.Root, rev.Landed, rev.CommitSha, entry.Name);
        var final = Path.Combine(folder, entry.Name);
        var part = final + ".part";
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);

        if (File.Exists(final) && new FileInfo(final).Length == entry.Size)
        {
            progress?.Report(new HubProgress(rev.Landed, entry.Name, HubStage.Checking, 0, entry.Size));
            var present = await HubHash.OfFileAsync(final, entry, ct).ConfigureAwait(false);
            if (present.Matches(entry))
            {
                progress?.Report(new HubProgress(rev.Landed, entry.Name, HubStage.Done, entry.Size, entry.Size));
                return Record(rev, entry, url, present, downloaded: false, transferred: 0);
            }
        }

        long transferred = 0;
        for (var breaks = 0; ;)
        {
            var have = File.Exists(part) ? new FileInfo(part).Length : 0;
            if (have > entry.Size)
            {
                File.Delete(part);
                have = 0;
            }

            if (have == entry.Size)
            {
                if (have == 0)
                {
                    await File.WriteAllBytesAsync(part, [], ct).ConfigureAwait(false);
                }

                break;
            }

            try
            {
                await ReceiveAsync(rev, entry, url, part, have, n => transferred += n, ct).ConfigureAwait(false);
            }
            catch (BodyBrokenException e)
            {
                if (++breaks > options.MaxResumes)
                {
                    var kept = File.Exists(part) ? new FileInfo(part).Length : 0;
                    throw new HubException(rev.Landed, entry.Name, url, string.Create(
                        CultureInfo.InvariantCulture,
                        $"the body broke off {breaks} times, the last with {e.Message}; {kept} of {entry.Size} bytes are kept in {Path.GetFileName(part)} and the next run resumes"));
                }

                await Task.Delay(Backoff(breaks), options.Http.Clock, ct).ConfigureAwait(false);
            }
        }

        var hash = await HubHash.OfFileAsync(part, entry, ct).ConfigureAwait(false);
        if (!hash.Matches(entry))
        {
            File.Delete(part);
            throw new HubException(rev.Landed, entry.Name, url, $"{hash.Mismatch(entry)}; the download is discarded");
        }

        File.Move(part, final, overwrite: true);
        progress?.Report(new HubProgress(rev.Landed, entry.Name, HubStage.Done, entry.Size, entry.Size));
        return Record(rev, entry, url, hash, downloaded: true, transferred);
    }

    private static HubFile Record(HubRevision rev, HubEntry entry, Uri url, HubHash hash, bool downloaded, long transferred) =>
        new(entry.Name, rev.Landed, rev.CommitSha, url, entry.Size, hash.Sha256, entry.BlobId, entry.Kind, downloaded, transferred);

    /// <summary>Appends the bytes from <paramref name="have"/> on to <paramref name="part"/>, following the hub's redirects.</summary>
    /// <exception cref="BodyBrokenException">The body broke off or stalled; what arrived is kept.</exception>
    private async Task ReceiveAsync(HubRevision rev, HubEntry entry, Uri url, string part, long have, Action<long> received, CancellationToken ct)
    {
        var current = url;
        for (var hops = 0; ; hops++)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendStreamingAsync(current, have, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new HubException(rev.Landed, entry.Name, current, $"no answer: {e.Message}", e);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (hops == 0 && response.Headers.TryGetValues("X-Repo-Commit", out var commits)
                    && commits.FirstOrDefault() is { } commit && !string.Equals(commit, rev.CommitSha, StringComparison.OrdinalIgnoreCase))
                {
                    throw new HubException(rev.Landed, entry.Name, current, $"the hub answers from commit {commit}, not the pinned {rev.CommitSha}");
                }

                if (status is >= 300 and <= 399 && response.Headers.Location is { } location)
                {
                    var target = new Uri(current, location);
                    if (hops >= options.Http.MaxRedirects || target.Scheme is not ("http" or "https"))
                    {
                        throw new HubException(rev.Landed, entry.Name, url, $"redirect {status} to {target} not followed ({hops + 1} redirects)");
                    }

                    current = target;
                    continue;
                }

                long start;
                if (status == 206 && have > 0)
                {
                    start = response.Content.Headers.ContentRange?.From ?? -1;
                    if (start != have)
                    {
                        throw new BodyBrokenException(string.Create(CultureInfo.InvariantCulture, $"a range from byte {start} where {have} was asked (from {current})"));
                    }
                }
                else if (status == 200)
                {
                    start = 0; // the server ignored the Range: start over
                }
                else if (status == 416)
                {
                    File.Delete(part);
                    throw new BodyBrokenException(string.Create(CultureInfo.InvariantCulture, $"HTTP 416 for the range from byte {have}: the part is discarded"));
                }
                else
                {
                    throw new HubException(rev.Landed, entry.Name, current, HubErrors.Describe(status, HubErrors.Headers(response), "the file"));
                }

                await CopyBodyAsync(response, rev, entry, current, part, start, received, ct).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task CopyBodyAsync(HttpResponseMessage response, HubRevision rev, HubEntry entry, Uri url, string part, long start, Action<long> received, CancellationToken ct)
    {
        var output = new FileStream(part, start == 0 ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        await using (output.ConfigureAwait(false))
        {
            var written = start;
            var reported = start;
            var step = Math.Max(1, Math.Min(ReportEvery, entry.Size / 100));
            var buffer = new byte[ChunkBytes];
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            try
            {
                var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    while (true)
                    {
                        idle.CancelAfter(options.Http.Timeout);
                        var read = await body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        if (written + read > entry.Size)
                        {
                            await output.DisposeAsync().ConfigureAwait(false);
                            File.Delete(part);
                            throw new HubException(rev.Landed, entry.Name, url, string.Create(
                                CultureInfo.InvariantCulture, $"the body runs past the {entry.Size} bytes the hub publishes; the download is discarded"));
                        }

                        await output.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                        written += read;
                        received(read);
                        if (written - reported >= step)
                        {
                            reported = written;
                            progress?.Report(new HubProgress(rev.Landed, entry.Name, HubStage.Downloading, written, entry.Size));
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new BodyBrokenException(string.Create(
                    CultureInfo.InvariantCulture, $"no data for {options.Http.Timeout.TotalSeconds:0.###} s after {written} bytes (from {url})"));
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !ct.IsCancellationRequested)
            {
                throw new BodyBrokenException(string.Create(CultureInfo.InvariantCulture, $"{e.Message} after {written} bytes (from {url})"));
            }

            if (written < entry.Size)
            {
                throw new BodyBrokenException(string.Create(CultureInfo.InvariantCulture, $"the body ended after {written} of {entry.Size} bytes (from {url})"));
            }
        }
    }

    /// <summary>The wait before the n-th resume: the retry base delay doubled each time, at most the longest retry delay.</summary>
    private TimeSpan Backoff(int breaks)
    {
        var delay = options.Http.RetryBaseDelay * Math.Pow(2, Math.Min(breaks - 1, 20));
        return delay > options.Http.MaxRetryDelay ? options.Http.MaxRetryDelay : delay;
    }

    /// <summary>A body that broke off, stalled or did not start where asked: resumable.</summary>
    private sealed class BodyBrokenException(string message) : Exception(message);
}
