using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace NeuroNav.Publish;

/// <summary><see cref="IObjectStore"/> over one bucket of S3 or an S3-compatible service.</summary>
public sealed class S3ObjectStore(IAmazonS3 client, string bucket) : IObjectStore, IDisposable
{
    /// <summary>The object's bytes, decompressed when its <c>Content-Encoding</c> says so (<see cref="ObjectBody"/>); null when there is no such key.</summary>
    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetObjectAsync(bucket, key, ct).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, ct).ConfigureAwait(false);
            return ObjectBody.Decode(buffer.ToArray(), response.Headers.ContentEncoding, key);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            if (e.ErrorCode == "NoSuchBucket")
            {
                throw new PublishException($"s3://{bucket}: no such bucket", e);
            }

            return null;
        }
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await client.ListObjectsV2Async(request, ct).ConfigureAwait(false);
            foreach (var o in response.S3Objects ?? [])
            {
                yield return new StoredObject(o.Key, o.Size ?? 0, o.ETag?.Trim('"'));
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    public Task PutFileAsync(string key, string file, ObjectHeaders headers, CancellationToken ct) =>
        PutAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = file }, headers, ct);

    public Task PutBytesAsync(string key, byte[] body, ObjectHeaders headers, CancellationToken ct) =>
        PutAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(body), AutoCloseStream = true }, headers, ct);

    public async Task DeleteAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var request = new DeleteObjectsRequest { BucketName = bucket, Objects = [.. keys.Select(k => new KeyVersion { Key = k })] };
        var response = await client.DeleteObjectsAsync(request, ct).ConfigureAwait(false);
        if (response.DeleteErrors is { Count: > 0 } errors)
        {
            throw new PublishException($"s3://{bucket}/{errors[0].Key}: delete failed ({errors[0].Code}: {errors[0].Message}); {errors.Count} key(s) not deleted");
        }
    }

    public Task ApplyCorsAsync(CancellationToken ct) =>
        client.PutCORSConfigurationAsync(new PutCORSConfigurationRequest { BucketName = bucket, Configuration = BucketCors.Configuration() }, ct);

    /// <summary>The bucket's read policy and website configuration.</summary>
    public BucketAccess Access => new(client, bucket);

    public void Dispose() => client.Dispose();

    private async Task PutAsync(PutObjectRequest request, ObjectHeaders headers, CancellationToken ct)
    {
        request.ContentType = headers.ContentType;
        request.Headers.CacheControl = headers.CacheControl;
        if (headers.ContentEncoding is not null)
        {
            request.Headers.ContentEncoding = headers.ContentEncoding;
        }

        request.UseChunkEncoding = false;
        await client.PutObjectAsync(request, ct).ConfigureAwait(false);
    }
}
