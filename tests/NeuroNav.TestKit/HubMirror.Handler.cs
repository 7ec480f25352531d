using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NeuroNav.TestKit;

public sealed partial class HubMirror
{
    private const string Api = "/api/models/";
    private const string Resolve = "/resolve/";
    private const string Cdn = "/cdn/";

    private async Task HandleAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        var log = new Entry(context.Request.Path + context.Request.QueryString, context.Request.Headers.Range.ToString() is { Length: > 0 } r ? r : null,
            context.Request.Headers.UserAgent.ToString());
        try
        {
            if (path.StartsWith(Api, StringComparison.Ordinal) && path.LastIndexOf("/revision/", StringComparison.Ordinal) is var at and > 0)
            {
                await ApiAsync(context, log, path[Api.Length..at], path[(at + "/revision/".Length)..]).ConfigureAwait(false);
            }
            else if (path.StartsWith(Cdn, StringComparison.Ordinal))
            {
                await CdnAsync(context, log).ConfigureAwait(false);
            }
            else if (path.IndexOf(Resolve, StringComparison.Ordinal) is var cut and > 1)
            {
                await ResolveAsync(context, log, path[1..cut], path[(cut + Resolve.Length)..]).ConfigureAwait(false);
            }
            else
            {
                Refuse(context, log, 404, null);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body.
        }
        finally
        {
            _log.Enqueue(new HubMirrorRequest(log.Path, log.Range, log.UserAgent, log.Status, log.BodyBytes, log.Repository, log.File, log.ReceivedAt));
        }
    }

    private async Task ApiAsync(HttpContext context, Entry log, string name, string revision)
    {
        if (_renamed.TryGetValue(name, out var to))
        {
            Redirect(context, log, 307, $"{Api}{to}/revision/{revision}{(RenameKeepsQuery ? context.Request.QueryString : default)}");
            return;
        }

        if (!Find(context, log, name, revision, out var repo))
        {
            return;
        }

        var blobs = context.Request.Query["blobs"] == "true";
        using var json = new MemoryStream();
        await using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartObject();
            w.WriteString("_id", repo.Commit[..24]);
            w.WriteString("id", repo.Name);
            w.WriteString("modelId", repo.Name);
            w.WriteString("sha", repo.Commit);
            w.WriteBoolean("private", false);
            w.WriteStartArray("siblings");
            foreach (var (file, f) in repo.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("rfilename", file);
                if (blobs)
                {
                    w.WriteNumber("size", f.Content.Length);
                    w.WriteString("blobId", f.Lfs ? Git(Pointer(f.Content)) : Git(f.Content));
                    if (f.Lfs)
                    {
                        w.WriteStartObject("lfs");
                        w.WriteString("sha256", Sha256Of(repo.Name, file));
                        w.WriteNumber("size", f.Content.Length);
                        w.WriteNumber("pointerSize", Pointer(f.Content).Length);
                        w.WriteEndObject();
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        log.Status = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(json.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ResolveAsync(HttpContext context, Entry log, string name, string rest)
    {
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var (revision, file) = slash > 0 ? (rest[..slash], rest[(slash + 1)..]) : (rest, "");
        if (_renamed.TryGetValue(name, out var to))
        {
            Redirect(context, log, 307, $"/{to}{Resolve}{rest}");
            return;
        }

        if (!Find(context, log, name, revision, out var repo))
        {
            return;
        }

        (log.Repository, log.File) = (name, file);
        context.Response.Headers["X-Repo-Commit"] = repo.Commit;
        var fault = NextFault(name, file);
        if (repo.Gated || fault.Kind == HubFaultKind.Gated)
        {
            Refuse(context, log, 403, "GatedRepo", "Access to model is restricted. You must have access to it and be authenticated to access it.");
            return;
        }

        if (!repo.Files.TryGetValue(file, out var f) || fault.Kind == HubFaultKind.NotFound)
        {
            Refuse(context, log, 404, "EntryNotFound", "Entry not found");
            return;
        }

        if (fault.Kind == HubFaultKind.TooManyRequests)
        {
            context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            Refuse(context, log, 429, null);
            return;
        }

        if (f.Lfs)
        {
            context.Response.Headers["X-Linked-Etag"] = $"\"{Sha256Of(name, file)}\"";
            context.Response.Headers["X-Linked-Size"] = f.Content.Length.ToString(CultureInfo.InvariantCulture);
            var signed = $"{Cdn}{Sha256Of(name, file)}?repo={Uri.EscapeDataString(name)}&file={Uri.EscapeDataString(file)}&fault={fault.Kind}&bytes={fault.Bytes}";
            (log.Repository, log.File) = (null, null); // the bytes are counted at the CDN
            Redirect(context, log, 302, new Uri(CdnAddress, signed).AbsoluteUri);
            return;
        }

        context.Response.Headers.ETag = $"\"{Git(f.Content)}\"";
        await ServeAsync(context, log, f.Content, fault).ConfigureAwait(false);
    }

    /// <summary>The "CDN": <c>/cdn/{sha256}?repo=…&amp;file=…&amp;fault=…</c>, a signed URL of sorts.</summary>
    private async Task CdnAsync(HttpContext context, Entry log)
    {
        var (name, file) = (context.Request.Query["repo"].ToString(), context.Request.Query["file"].ToString());
        (log.Repository, log.File) = (name, file);
        var fault = new HubFault(
            Enum.Parse<HubFaultKind>(context.Request.Query["fault"].ToString()),
            Bytes: long.Parse(context.Request.Query["bytes"].ToString(), CultureInfo.InvariantCulture));
        await ServeAsync(context, log, _repos[name].Files[file].Content, fault).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="content"/> (or the range asked for), with the fault's damage.</summary>
    private static async Task ServeAsync(HttpContext context, Entry log, byte[] content, HubFault fault)
    {
        var body = content;
        if (fault.Kind == HubFaultKind.WrongBytes)
        {
            body = [.. content];
            body[body.Length / 2] ^= 0x5a;
        }

        long from = 0;
        var range = context.Request.Headers.Range.ToString();
        if (range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            from = long.Parse(range["bytes=".Length..^1], CultureInfo.InvariantCulture);
        }

        context.Response.Headers.AcceptRanges = "bytes";
        if (from >= body.Length && from > 0)
        {
            context.Response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{body.Length}");
            Refuse(context, log, 416, null);
            return;
        }

        log.Status = from > 0 ? 206 : 200;
        context.Response.StatusCode = log.Status;
        if (from > 0)
        {
            context.Response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {from}-{body.Length - 1}/{body.Length}");
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = body.Length - from;
        var end = fault.Kind == HubFaultKind.DropConnection ? Math.Min(body.Length, from + fault.Bytes) : body.Length;
        for (var at = from; at < end; at += 65536)
        {
            var n = (int)Math.Min(65536, end - at);
            await context.Response.Body.WriteAsync(body.AsMemory((int)at, n), context.RequestAborted).ConfigureAwait(false);
            log.BodyBytes += n;
        }

        // A response that ends short of its Content-Length makes Kestrel close the connection once what was written
        // has gone out (an abort here would discard bytes still queued for the socket).
    }

    /// <summary>Finds the repository and checks the revision, or answers as the hub does: 401 RepoNotFound, 404 RevisionNotFound.</summary>
    private bool Find(HttpContext context, Entry log, string name, string revision, out Repo repo)
    {
        if (!_repos.TryGetValue(name, out repo!))
        {
            Refuse(context, log, 401, "RepoNotFound", "Repository not found");
            return false;
        }

        if (revision != "main" && revision != repo.Commit)
        {
            Refuse(context, log, 404, "RevisionNotFound", $"Invalid rev id: {revision}");
            return false;
        }

        return true;
    }

    private static void Redirect(HttpContext context, Entry log, int status, string location)
    {
        log.Status = status;
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
    }

    private static void Refuse(HttpContext context, Entry log, int status, string? code, string? message = null)
    {
        log.Status = status;
        context.Response.StatusCode = status;
        if (code is not null)
        {
            context.Response.Headers["X-Error-Code"] = code;
        }

        if (message is not null)
        {
            context.Response.Headers["X-Error-Message"] = message;
        }
    }

    /// <summary>The git LFS pointer that stands for <paramref name="content"/> in the repository.</summary>
    private static byte[] Pointer(byte[] content) => System.Text.Encoding.ASCII.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $"version https://git-lfs.github.com/spec/v1\noid sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))}\nsize {content.Length}\n"));

    private sealed class Entry(string path, string? range, string userAgent)
    {
        public string Path { get; } = path;

        public string? Range { get; } = range;

        public string? UserAgent { get; } = userAgent;

        public int Status { get; set; }

        public long BodyBytes { get; set; }

        public string? Repository { get; set; }

        public string? File { get; set; }

        public DateTimeOffset ReceivedAt { get; } = DateTimeOffset.UtcNow;
    }
}
