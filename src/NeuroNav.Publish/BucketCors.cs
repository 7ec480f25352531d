using Amazon.S3.Model;

namespace NeuroNav.Publish;

/// <summary>
/// The bucket CORS rules the archive needs: any origin may GET and HEAD any object (notebooks and other sites fetch the
/// JSON API from the browser), and may read the headers a client checks. Nothing may be written cross-origin.
/// </summary>
public static class BucketCors
{
    public static readonly IReadOnlyList<string> Methods = ["GET", "HEAD"];

    public static readonly IReadOnlyList<string> ExposedHeaders = ["ETag", "Content-Length", "Content-Encoding", "Content-Type", "Last-Modified"];

    public const int MaxAgeSeconds = 86400;

    public static CORSConfiguration Configuration() => new()
    {
        Rules =
        [
            new CORSRule
            {
                Id = "neuronav-read",
                AllowedOrigins = ["*"],
                AllowedMethods = [.. Methods],
                AllowedHeaders = ["*"],
                ExposeHeaders = [.. ExposedHeaders],
                MaxAgeSeconds = MaxAgeSeconds,
            },
        ],
    };
}
