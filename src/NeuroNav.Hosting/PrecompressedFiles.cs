using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace NeuroNav.Hosting;

/// <summary>
/// Serves a file that a build stored gzip-compressed (<c>x.json.gz</c> on disk) under its own URL (<c>x.json</c>), as
/// the bucket does: to a client that accepts gzip, the stored bytes with <c>Content-Encoding: gzip</c> and the file's own
/// type (ranges, ETag and HEAD as for any static file); to one that does not (urllib, a bare HTTP/1.0 client), the
/// decoded bytes. Responses say <c>Vary: Accept-Encoding</c>. A file that exists as is is served as is.
/// </summary>
internal static class PrecompressedFiles
{
    public const string Suffix = ".gz";

    private const string Gzip = "gzip";

    private static readonly object ServedAs = new();

    /// <summary>The middleware: placed before the static files, which it hands the compressed file to.</summary>
    public static async Task InvokeAsync(HttpContext context, IFileProvider files, RequestDelegate next)
    {
        var request = context.Request;
        var path = request.Path.Value;
        if (path is null || path.EndsWith('/') || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || files.GetFileInfo(path).Exists || files.GetFileInfo(path + Suffix) is not { Exists: true, IsDirectory: false } stored)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (AcceptsGzip(request))
        {
            context.Items[ServedAs] = ContentTypes.For(path);
            request.Path = path + Suffix;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                request.Path = path;
            }

            return;
        }

        await SendDecodedAsync(context, stored, ContentTypes.For(path)).ConfigureAwait(false);
    }

    /// <summary>For the static files' <c>OnPrepareResponse</c>: the compressed file goes out as what it encodes.</summary>
    public static void PrepareResponse(StaticFileResponseContext file)
    {
        if (file.Context.Items.TryGetValue(ServedAs, out var type) && type is string contentType)
        {
            file.Context.Response.ContentType = contentType;
            file.Context.Response.Headers.ContentEncoding = Gzip;
        }
    }

    /// <summary>Whether <c>Accept-Encoding</c> admits gzip (named or <c>*</c>, with a quality above 0).</summary>
    internal static bool AcceptsGzip(HttpRequest request)
    {
        foreach (var value in request.GetTypedHeaders().AcceptEncoding)
        {
            if ((value.Value.Equals(Gzip, StringComparison.OrdinalIgnoreCase) || value.Value == "*") && (value.Quality ?? 1) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task SendDecodedAsync(HttpContext context, IFileInfo stored, string contentType)
    {
        using var decoded = new MemoryStream();
        await using (var gzip = new GZipStream(stored.CreateReadStream(), CompressionMode.Decompress))
        {
            await gzip.CopyToAsync(decoded, context.RequestAborted).ConfigureAwait(false);
        }

        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = decoded.Length;
        response.Headers.LastModified = stored.LastModified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.Body.WriteAsync(decoded.GetBuffer().AsMemory(0, (int)decoded.Length), context.RequestAborted).ConfigureAwait(false);
        }
    }
}
